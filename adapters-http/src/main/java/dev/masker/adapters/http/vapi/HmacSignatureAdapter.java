package dev.masker.adapters.http.vapi;

import dev.masker.application.port.out.VerifySignaturePort;
import dev.masker.domain.vapi.SignedWebhook;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Vapi webhook signatures (SPEC §4 step 2) against one or more secrets, so a secret can be rotated without
 * downtime. Accepted: {@code X-Vapi-Signature} with HMAC-SHA256 over the body as hex (any case, optional
 * {@code sha256=}) or base64; {@code X-Signature} with HMAC-SHA256 over {@code "<X-Timestamp>.<body>"} within the
 * tolerance; and, only when enabled, the plain secret in {@code X-Vapi-Secret} or {@code X-Vapi-Signature}. Every
 * comparison is constant-time.
 */
public final class HmacSignatureAdapter implements VerifySignaturePort {
    private static final int MAC_BYTES = 32;
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    /** One initialised MAC per secret, cloned for each use: cheaper than looking up and initialising a new one. */
    private final List<Mac> keys;
    private final List<byte[]> plainSecrets;
    private final boolean acceptPlainSecret;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param secrets the webhook secrets, the current one and any still being rotated out
     * @param acceptPlainSecret whether a secret sent as itself is accepted (no body integrity): Vapi's legacy "Server URL
     *        Secret" header, and its Bearer Token credential ({@code Authorization}, with or without {@code Bearer })
     * @param tolerance how far a timestamped signature's time may be from now
     */
    public HmacSignatureAdapter(List<String> secrets, boolean acceptPlainSecret, Duration tolerance, Clock clock) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("at least one non-empty webhook secret is required");
        }
        this.keys = secrets.stream().map(HmacSignatureAdapter::mac).toList();
        this.plainSecrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.acceptPlainSecret = acceptPlainSecret;
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SignatureVerdict verify(SignedWebhook delivery) {
        if (delivery.vapiSignature().flatMap(HmacSignatureAdapter::decodeMac)
                .filter(mac -> matchesAny(mac, delivery.body(), new byte[0])).isPresent()) {
            return new SignatureVerdict.Valid("body-hmac");
        }
        if (delivery.signature().isPresent() && delivery.timestamp().isPresent()) {
            String timestamp = delivery.timestamp().get().strip();
            byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
            // A stale or malformed timestamp fails this form only; another form may still be valid.
            if (isFresh(timestamp) && decodeMac(delivery.signature().get())
                    .filter(mac -> matchesAny(mac, delivery.body(), prefix)).isPresent()) {
                return new SignatureVerdict.Valid("timestamped-hmac");
            }
        }
        if (acceptPlainSecret && (isPlainSecret(delivery.vapiSecret()) || isPlainSecret(delivery.vapiSignature())
                || isPlainSecret(delivery.authorization().map(HmacSignatureAdapter::withoutBearer)))) {
            return new SignatureVerdict.Valid("plain-secret");
        }
        return new SignatureVerdict.Invalid(whyInvalid(delivery));
    }

    /**
     * Which check failed, for the log (never a secret, a signature or the body): no signature header at all, a plain
     * secret while those are off, a timestamped signature whose timestamp is missing, malformed or stale, a header that
     * is no MAC in any accepted encoding (an unknown scheme), or a MAC that matches no secret (a wrong signature).
     */
    private String whyInvalid(SignedWebhook delivery) {
        if (delivery.vapiSignature().isEmpty() && delivery.signature().isEmpty() && delivery.vapiSecret().isEmpty()
                && delivery.authorization().isEmpty()) {
            return "no signature";
        }
        if ((delivery.vapiSecret().isPresent() || delivery.authorization().isPresent()) && delivery.vapiSignature().isEmpty()
                && delivery.signature().isEmpty()) {
            return acceptPlainSecret ? "wrong plain secret" : "plain secret not accepted";
        }
        if (delivery.signature().isPresent() && delivery.vapiSignature().isEmpty()
                && (delivery.timestamp().isEmpty() || !isFresh(delivery.timestamp().get().strip()))) {
            return "stale or missing timestamp";
        }
        boolean anyMac = delivery.vapiSignature().flatMap(HmacSignatureAdapter::decodeMac).isPresent()
                || delivery.signature().flatMap(HmacSignatureAdapter::decodeMac).isPresent();
        return anyMac ? "wrong signature" : "unknown scheme";
    }

    private boolean matchesAny(byte[] mac, byte[] body, byte[] prefix) {
        boolean matched = false;
        // Every key is tried, so the time taken does not tell which one matched.
        for (Mac key : keys) {
            matched |= MessageDigest.isEqual(mac, hmac(key, prefix, body));
        }
        return matched;
    }

    /** The token of Vapi's Bearer Token credential: the header's value without a leading {@code Bearer }, any case. */
    private static String withoutBearer(String authorization) {
        String value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7) : value;
    }

    private boolean isPlainSecret(Optional<String> header) {
        if (header.isEmpty()) {
            return false;
        }
        byte[] offered = header.get().strip().getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (byte[] secret : plainSecrets) {
            matched |= MessageDigest.isEqual(offered, secret);
        }
        return matched;
    }

    private boolean isFresh(String timestamp) {
        if (timestamp.isEmpty() || timestamp.length() > 16 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long value = Long.parseLong(timestamp);
        long millis = value >= MILLIS_THRESHOLD ? value : value * 1000;
        return Math.abs(clock.millis() - millis) <= tolerance.toMillis();
    }

    private static Optional<byte[]> decodeMac(String header) {
        String value = header.strip();
        if (value.regionMatches(true, 0, "sha256=", 0, 7)) {
            value = value.substring(7);
        }
        if (value.length() == MAC_BYTES * 2 && value.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.of(HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT)));
        }
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                byte[] decoded = decoder.decode(value);
                if (decoded.length == MAC_BYTES) {
                    return Optional.of(decoded);
                }
            } catch (IllegalArgumentException notBase64) {
                // Try the next alphabet; a value that is neither is simply not a signature.
            }
        }
        return Optional.empty();
    }

    private static byte[] hmac(Mac prototype, byte[] prefix, byte[] body) {
        try {
            Mac mac = (Mac) prototype.clone();
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK's HmacSHA256 cannot be cloned", e);
        }
    }

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
