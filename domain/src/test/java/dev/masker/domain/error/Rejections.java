package dev.masker.domain.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Assertions for outside input that a value object refuses: the code the API answers with, and no input echoed. */
public final class Rejections {

    private Rejections() {}

    /**
     * Runs {@code refused}, asserts it throws a {@link DomainException} with {@code code}, and that neither its message nor
     * its details show any of {@code neverShown} (input that could be PHI or a secret).
     */
    public static DomainException assertRefused(ErrorCode code, Executable refused, String... neverShown) {
        DomainException thrown = assertThrows(DomainException.class, refused);
        assertEquals(code, thrown.code());
        for (String input : neverShown) {
            assertFalse(thrown.getMessage().contains(input), "the message shows the input: " + thrown.getMessage());
            thrown.details()
                    .forEach(detail -> assertFalse(
                            detail.problem().contains(input) || detail.field().contains(input),
                            "a detail shows the input: " + detail));
        }
        return thrown;
    }
}
