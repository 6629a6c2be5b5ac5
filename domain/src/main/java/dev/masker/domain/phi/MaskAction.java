package dev.masker.domain.phi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What masking does with a detected PHI value of a kind (SPEC §6 policy {@code action}). Names are a contract. */
public enum MaskAction {
    /** Replace the value by its token, so the session can put it back. */
    TOKENIZE,
    /** Replace the value by {@code [REDACTED:KIND]}; it cannot be put back. */
    REDACT,
    /** Leave the value as it is. */
    PASS;

    /** The action the text names in lower case ({@code tokenize}, {@code redact}, {@code pass}), or empty. */
    public static Optional<MaskAction> parse(String text) {
        return Arrays.stream(values())
                .filter(action -> action.name().toLowerCase(Locale.ROOT).equals(text))
                .findFirst();
    }
}
