package dev.masker.domain.agent;

import java.util.Arrays;
import java.util.Optional;

/** How an agent's PHI values become tokens (SPEC §6). */
public enum Tokenization {
    VAULT_DETERMINISTIC("vault-deterministic"),
    REVERSIBLE_AEAD("reversible-aead");

    private final String wireName;

    Tokenization(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The scheme the text names, or empty. */
    public static Optional<Tokenization> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(text)).findFirst();
    }
}
