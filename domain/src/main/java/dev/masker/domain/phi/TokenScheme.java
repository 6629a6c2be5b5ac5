package dev.masker.domain.phi;

import java.util.Arrays;
import java.util.Optional;

/** How a token's value was made (SPEC §6); the scheme is the token's first field. */
public enum TokenScheme {
    /** Vault-deterministic: base32 of the first 16 bytes of HMAC-SHA256(kid key, normalised value); original in the vault. */
    MSKV1,
    /** Reversible AEAD: base32 of a deterministic AEAD (AES-SIV) encryption of the value; no vault. */
    MSK1;

    public static Optional<TokenScheme> parse(String text) {
        return Arrays.stream(values())
                .filter(scheme -> scheme.name().equals(text))
                .findFirst();
    }
}
