package dev.masker.domain.vapi;

import dev.masker.domain.error.DomainException;
import java.util.Objects;

/** The voice platform's id of one phone call: 1 to 200 printable characters, well-formed Unicode. */
public record CallId(String value) {
    public static final int MAX_LENGTH = 200;

    public CallId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            // The id comes from Vapi's payload; the id itself is not repeated in the message.
            throw DomainException.invalid(
                    "call.id", "must be a non-empty string of at most " + MAX_LENGTH + " printable characters");
        }
    }

    public static boolean isValid(String text) {
        return text != null
                && !text.isBlank()
                && text.length() <= MAX_LENGTH
                && text.chars().noneMatch(Character::isISOControl)
                && isWellFormed(text);
    }

    /**
     * Whether the text is well-formed UTF-16: every surrogate in a pair. A lone surrogate has no UTF-8 form (PostgreSQL
     * would store it as {@code ?}, so two different ids would become one).
     */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
