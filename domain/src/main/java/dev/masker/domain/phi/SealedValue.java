package dev.masker.domain.phi;

import java.util.Arrays;
import java.util.Objects;

/** A PHI value encrypted for the vault with AES-256-GCM: the 96-bit nonce and the ciphertext with its 128-bit tag. */
public record SealedValue(byte[] nonce, byte[] ciphertext) {
    /** The nonce length in bytes. */
    public static final int NONCE_BYTES = 12;
    /** The GCM tag length in bytes, the least a ciphertext holds. */
    public static final int TAG_BYTES = 16;

    public SealedValue {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (nonce.length != NONCE_BYTES || ciphertext.length < TAG_BYTES) {
            throw new IllegalArgumentException("a sealed value has a 12-byte nonce and at least a 16-byte tag");
        }
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedValue sealed
                && Arrays.equals(nonce, sealed.nonce)
                && Arrays.equals(ciphertext, sealed.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedValue[" + ciphertext.length + " bytes]";
    }
}
