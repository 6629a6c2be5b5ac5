package dev.masker.domain.phi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a key derived from a kid's key for one purpose: HMAC-SHA256(kid key, label), so the vault's
 * originals and the turns' payloads never share a key. Random 96-bit nonces; opening tries the kid's current key, then
 * its old one.
 */
final class LabelledAead {
    private static final int TAG_BITS = SealedValue.TAG_BYTES * 8;

    private final String label;
    private final SecureRandom random;
    private final Map<ByteBuffer, SecretKeySpec> derived = new ConcurrentHashMap<>();

    LabelledAead(String label, SecureRandom random) {
        this.label = Objects.requireNonNull(label, "label");
        this.random = Objects.requireNonNull(random, "random");
    }

    SealedValue seal(byte[] kidKey, byte[] associatedData, byte[] plaintext) {
        byte[] nonce = new byte[SealedValue.NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = gcm(Cipher.ENCRYPT_MODE, kidKey, nonce);
            cipher.updateAAD(associatedData);
            return new SealedValue(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    /** The plaintext, or empty when no key of the kid opens it with this associated data (or it was tampered with). */
    Optional<byte[]> open(KeyRing.Keys kidKeys, byte[] associatedData, SealedValue sealed) {
        for (byte[] key : kidKeys.newestFirst()) {
            try {
                Cipher cipher = gcm(Cipher.DECRYPT_MODE, key, sealed.nonce());
                cipher.updateAAD(associatedData);
                return Optional.of(cipher.doFinal(sealed.ciphertext()));
            } catch (AEADBadTagException wrongKeyOrTampered) {
                // Not this key: try the next one.
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
            }
        }
        return Optional.empty();
    }

    private Cipher gcm(int mode, byte[] kidKey, byte[] nonce) throws GeneralSecurityException {
        SecretKeySpec key =
                derived.computeIfAbsent(ByteBuffer.wrap(kidKey), k -> new SecretKeySpec(hmac(kidKey, label), "AES"));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    static byte[] hmac(byte[] key, String text) {
        return newMac(key).doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
