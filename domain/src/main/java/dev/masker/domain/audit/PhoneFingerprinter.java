package dev.masker.domain.audit;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes {@link PhoneFingerprint}s: HMAC-SHA256 under a secret key over the number's digits (with a leading {@code +}
 * kept), so the same number always gets the same fingerprint whatever its formatting, while nobody without the key can
 * test guesses against it.
 */
public final class PhoneFingerprinter {
    private static final int KEY_BYTES = 32;
    private static final int FINGERPRINT_BYTES = 10;

    private final SecretKeySpec key;

    /** A fingerprinter keyed with exactly 32 secret bytes. */
    public PhoneFingerprinter(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the fingerprint key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The fingerprint of the number, or empty when it holds no digit. */
    public Optional<PhoneFingerprint> fingerprint(String number) {
        String normalized = normalize(number);
        if (normalized.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        byte[] mac = hmac(normalized);
        StringBuilder letters = new StringBuilder("fp_");
        for (int i = 0; i < FINGERPRINT_BYTES; i++) {
            letters.append((char) ('a' + ((mac[i] >> 4) & 0xF))).append((char) ('a' + (mac[i] & 0xF)));
        }
        return Optional.of(new PhoneFingerprint(letters.toString()));
    }

    private static String normalize(String number) {
        StringBuilder digits = new StringBuilder();
        String trimmed = number.strip();
        if (trimmed.startsWith("+")) {
            digits.append('+');
        }
        trimmed.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return digits.toString();
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Whether two fingerprints are equal, compared in constant time. */
    public static boolean same(PhoneFingerprint a, PhoneFingerprint b) {
        return MessageDigest.isEqual(a.value().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.value().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
