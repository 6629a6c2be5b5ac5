package dev.masker.adapters.http.vapi;

import dev.masker.application.port.out.VerifySignaturePort;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.agent.WebhookCredential.Algorithm;
import dev.masker.domain.agent.WebhookCredential.Bearer;
import dev.masker.domain.agent.WebhookCredential.Hmac;
import dev.masker.domain.vapi.SignedWebhook;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a Vapi webhook delivery carries one of the accepted credentials (SPEC §4 step 2): the agent's own when it
 * has one, else the deployment's (see {@link DeploymentCredentials}). An HMAC is checked over the exact body bytes, or
 * over {@code "<timestamp>.<body>"} with the timestamp (seconds or milliseconds) within the tolerance, as hex (any case)
 * or base64, after an optional prefix; a bearer token is compared as itself. Every comparison is constant-time, and every
 * credential is tried, so the time taken does not tell which secret matched.
 */
public final class HmacSignatureAdapter implements VerifySignaturePort {
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final List<String> PLAIN_SECRET_HEADERS = List.of("authorization", "x-vapi-secret");

    private final List<WebhookCredential> deployment;
    /**
     * An initialised MAC per HMAC credential of the deployment, cloned for each use: looking up and keying a new one for
     * every delivery is what the webhook's hot path need not do. An agent's own credential is keyed per delivery.
     */
    private final Map<Hmac, Mac> deploymentMacs;

    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param deployment the credentials accepted for an agent without its own, in any order
     * @param tolerance how far a timestamped signature's time may be from now
     */
    public HmacSignatureAdapter(List<WebhookCredential> deployment, Duration tolerance, Clock clock) {
        if (deployment.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook credential is required");
        }
        this.deployment = List.copyOf(deployment);
        Map<Hmac, Mac> macs = new HashMap<>();
        deployment.stream()
                .filter(Hmac.class::isInstance)
                .map(Hmac.class::cast)
                .forEach(hmac -> macs.computeIfAbsent(hmac, HmacSignatureAdapter::keyed));
        this.deploymentMacs = Map.copyOf(macs);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SignatureVerdict verify(SignedWebhook delivery, Optional<WebhookCredential> agentCredential) {
        List<WebhookCredential> accepted = agentCredential.map(List::of).orElse(deployment);
        Optional<String> form = Optional.empty();
        Failure worst = Failure.ABSENT;
        for (WebhookCredential credential : accepted) {
            Check check = switch (credential) {
                case Hmac hmac -> check(hmac, delivery);
                case Bearer bearer -> check(bearer, delivery);
            };
            if (check.form() != null) {
                form = form.or(() -> Optional.of(check.form()));
            } else if (check.failure().ordinal() > worst.ordinal()) {
                worst = check.failure();
            }
        }
        if (form.isPresent()) {
            return new SignatureVerdict.Valid(form.get());
        }
        return new SignatureVerdict.Invalid(reason(worst, delivery, agentCredential.isPresent()));
    }

    /**
     * Which check failed, for the log (never a secret, a signature or the body): the one that came closest, from no
     * credential header at all to a timestamp out of the window.
     */
    private static String reason(Failure failure, SignedWebhook delivery, boolean agentsOwn) {
        if (failure != Failure.ABSENT) {
            return failure.reason;
        }
        if (agentsOwn) {
            return "no signature in the header the agent's credential names";
        }
        return PLAIN_SECRET_HEADERS.stream()
                        .anyMatch(name -> delivery.header(name).isPresent())
                ? "plain secret not accepted"
                : "no signature";
    }

    private Check check(Hmac credential, SignedWebhook delivery) {
        Optional<String> header = delivery.header(credential.signatureHeader()).filter(value -> !value.isBlank());
        if (header.isEmpty()) {
            return Check.failed(Failure.ABSENT);
        }
        Optional<byte[]> mac = decodeMac(header.get(), credential);
        Optional<String> timestamp =
                delivery.header(credential.timestampHeader()).map(String::strip);
        boolean stamped = switch (credential.timestamp()) {
            case REQUIRED -> true;
            case NONE -> false;
            case WHEN_SENT -> timestamp.isPresent();
        };
        if (stamped && (timestamp.isEmpty() || !isFresh(timestamp.get()))) {
            // A stale or malformed timestamp fails this credential only; another may still be valid.
            return Check.failed(Failure.BAD_TIMESTAMP);
        }
        if (mac.isEmpty()) {
            return Check.failed(Failure.UNKNOWN_SCHEME);
        }
        byte[] prefix = stamped ? (timestamp.get() + ".").getBytes(StandardCharsets.US_ASCII) : new byte[0];
        boolean matched = MessageDigest.isEqual(mac.get(), hmac(credential, prefix, delivery.body()));
        return matched
                ? Check.valid(stamped ? "timestamped-hmac" : "body-hmac")
                : Check.failed(Failure.WRONG_SIGNATURE);
    }

    private static Check check(Bearer credential, SignedWebhook delivery) {
        Optional<String> header = delivery.header(credential.header());
        if (header.isEmpty()) {
            return Check.failed(Failure.ABSENT);
        }
        byte[] offered = withoutBearer(header.get()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(offered, credential.token().getBytes(StandardCharsets.UTF_8))
                ? Check.valid("plain-secret")
                : Check.failed(Failure.WRONG_TOKEN);
    }

    /** The token of a bearer credential: the header's value without a leading {@code Bearer }, any case. */
    private static String withoutBearer(String value) {
        String token = value.strip();
        return token.regionMatches(true, 0, "Bearer ", 0, 7)
                ? token.substring(7).strip()
                : token;
    }

    private boolean isFresh(String timestamp) {
        if (timestamp.isEmpty() || timestamp.length() > 16 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long value = Long.parseLong(timestamp);
        long millis = value >= MILLIS_THRESHOLD ? value : value * 1000;
        return Math.abs(clock.millis() - millis) <= tolerance.toMillis();
    }

    /**
     * The MAC a header carries: after the credential's prefix or the algorithm's own ({@code sha256=}), hex of the MAC's
     * length in any case, or base64 (standard or URL-safe) of it.
     */
    private static Optional<byte[]> decodeMac(String header, Hmac credential) {
        String value = header.strip();
        String algorithmPrefix = credential.algorithm().wireName() + "=";
        List<String> prefixes = credential
                .signaturePrefix()
                .map(p -> List.of(p, algorithmPrefix))
                .orElse(List.of(algorithmPrefix));
        for (String prefix : prefixes) {
            if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                value = value.substring(prefix.length()).strip();
                break;
            }
        }
        int length = credential.algorithm().macBytes();
        if (value.length() == length * 2 && value.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.of(HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT)));
        }
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                byte[] decoded = decoder.decode(value);
                if (decoded.length == length) {
                    return Optional.of(decoded);
                }
            } catch (IllegalArgumentException notBase64) {
                // Try the next alphabet; a value that is neither is simply not a signature.
            }
        }
        return Optional.empty();
    }

    private byte[] hmac(Hmac credential, byte[] prefix, byte[] body) {
        Mac prototype = deploymentMacs.get(credential);
        try {
            Mac mac = prototype != null ? (Mac) prototype.clone() : keyed(credential);
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(
                    "this JDK's " + credential.algorithm().jcaName() + " cannot be cloned", e);
        }
    }

    /** A MAC of the credential's algorithm, keyed with its secret. */
    private static Mac keyed(Hmac credential) {
        Algorithm algorithm = credential.algorithm();
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(credential.key(), algorithm.jcaName()));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jcaName() + " is missing from this JDK", e);
        }
    }

    /** How a credential's check failed, from the least to the most telling. */
    private enum Failure {
        ABSENT("no signature"),
        UNKNOWN_SCHEME("unknown scheme"),
        WRONG_TOKEN("wrong plain secret"),
        WRONG_SIGNATURE("wrong signature"),
        BAD_TIMESTAMP("stale or missing timestamp");

        private final String reason;

        Failure(String reason) {
            this.reason = reason;
        }
    }

    /** One credential's outcome: the form it matched in, or why not. */
    private record Check(String form, Failure failure) {
        static Check valid(String form) {
            return new Check(form, null);
        }

        static Check failed(Failure failure) {
            return new Check(null, failure);
        }
    }
}
