package dev.masker.domain.agent;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a Vapi webhook delivery proves it came from Vapi: one of Vapi's Server URL credential types, as Masker checks it.
 * The deployment's credentials come from {@code MASKER_VAPI_*} settings; an agent may carry its own, which then replaces
 * them for that agent, so two clinics on one Masker never share a secret. Header names are kept lower-case, as HTTP
 * compares them.
 */
public sealed interface WebhookCredential {
    /** The shortest secret or token an agent may carry: as for the callback and forward secrets. */
    int MIN_SECRET_LENGTH = ConfigCallback.MIN_SECRET_LENGTH;

    /** The prefix of this credential's fields in the API. */
    String FIELD = "webhook_credential.";

    /** An HTTP header name (RFC 9110 token), at most 64 characters. */
    Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

    /** Why the text cannot name a header, or {@code null} when it can. */
    static String headerProblem(String name) {
        return HEADER_NAME.matcher(name).matches()
                ? null
                : "must be an HTTP header name (letters, digits, -), at most 64";
    }

    /** Adds the problem of a header name, if any, as the field {@code webhook_credential.<field>}. */
    private static void addHeaderProblem(String field, String name, List<FieldProblem> problems) {
        String problem = name == null ? "is required" : headerProblem(name);
        if (problem != null) {
            problems.add(new FieldProblem(FIELD + field, problem));
        }
    }

    /** Vapi's HMAC algorithms. */
    enum Algorithm {
        SHA256("HmacSHA256", 32),
        SHA512("HmacSHA512", 64),
        SHA1("HmacSHA1", 20);

        private final String jcaName;
        private final int macBytes;

        Algorithm(String jcaName, int macBytes) {
            this.jcaName = jcaName;
            this.macBytes = macBytes;
        }

        /** The algorithm named as Vapi names it ({@code sha256}, {@code sha512}, {@code sha1}), any case. */
        public static Optional<Algorithm> named(String name) {
            for (Algorithm algorithm : values()) {
                if (algorithm.wireName().equalsIgnoreCase(name.strip())) {
                    return Optional.of(algorithm);
                }
            }
            return Optional.empty();
        }

        /** Vapi's name: {@code sha256}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The JDK's name for the MAC: {@code HmacSHA256}. */
        public String jcaName() {
            return jcaName;
        }

        /** The length of one MAC in bytes. */
        public int macBytes() {
            return macBytes;
        }
    }

    /** Whether an HMAC covers a timestamp as well as the body. */
    enum Timestamp {
        /** {@code "<timestamp>.<body>"}, the timestamp in its header and within the tolerance: Vapi's default. */
        REQUIRED,
        /** The body alone ({@code includeTimestamp: false}). */
        NONE,
        /** Timestamped when the timestamp header is sent, else the body alone: the deployment's lenient default. */
        WHEN_SENT
    }

    /**
     * Vapi's HMAC credential: a MAC of the body (or of {@code "<timestamp>.<body>"}) in {@code signatureHeader}, as hex or
     * base64, after an optional {@code signaturePrefix}.
     *
     * @param secret the shared secret; when {@code secretIsBase64}, base64 of the key's bytes
     */
    record Hmac(
            String secret,
            boolean secretIsBase64,
            Algorithm algorithm,
            String signatureHeader,
            Optional<String> signaturePrefix,
            Timestamp timestamp,
            String timestampHeader)
            implements WebhookCredential {
        public static final String DEFAULT_SIGNATURE_HEADER = "x-signature";
        public static final String DEFAULT_TIMESTAMP_HEADER = "x-timestamp";

        public Hmac {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(signaturePrefix, "signaturePrefix");
            Objects.requireNonNull(timestamp, "timestamp");
            // The fields come from a request body: each problem is named as the API names it (422 validation_failed).
            List<FieldProblem> problems = new ArrayList<>();
            if (secret.isEmpty()) {
                problems.add(new FieldProblem(FIELD + "secret", "must not be empty"));
            } else if (secretIsBase64 && !isBase64(secret)) {
                problems.add(new FieldProblem(FIELD + "secret", "must be base64 while secret_is_base64 is true"));
            }
            addHeaderProblem("signature_header", signatureHeader, problems);
            addHeaderProblem("timestamp_header", timestampHeader, problems);
            if (!problems.isEmpty()) {
                throw DomainException.invalid(problems);
            }
            signatureHeader = signatureHeader.toLowerCase(Locale.ROOT);
            timestampHeader = timestampHeader.toLowerCase(Locale.ROOT);
            signaturePrefix = signaturePrefix.filter(prefix -> !prefix.isEmpty());
        }

        /** The MAC key: the secret's UTF-8 bytes, or the bytes it encodes in base64. */
        public byte[] key() {
            return secretIsBase64
                    ? Base64.getDecoder().decode(secret.strip())
                    : secret.getBytes(StandardCharsets.UTF_8);
        }

        /** Whether the text is standard base64 of at least one byte. */
        public static boolean isBase64(String text) {
            try {
                return Base64.getDecoder().decode(text.strip()).length > 0;
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }

        @Override
        public String toString() {
            // The secret never appears in a log line.
            return "Hmac[" + algorithm.wireName() + " in " + signatureHeader + ", timestamp " + timestamp + "]";
        }
    }

    /**
     * Vapi's Bearer Token credential: the token itself in {@code header}, with or without {@code Bearer }. It proves
     * possession of the token only, not that the body is Vapi's.
     */
    record Bearer(String token, String header) implements WebhookCredential {
        public static final String DEFAULT_HEADER = "authorization";

        public Bearer {
            Objects.requireNonNull(token, "token");
            List<FieldProblem> problems = new ArrayList<>();
            if (token.isEmpty()) {
                problems.add(new FieldProblem(FIELD + "token", "must not be empty"));
            }
            addHeaderProblem("header", header, problems);
            if (!problems.isEmpty()) {
                throw DomainException.invalid(problems);
            }
            header = header.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return "Bearer[in " + header + "]";
        }
    }
}
