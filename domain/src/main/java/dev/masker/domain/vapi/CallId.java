package dev.masker.domain.vapi;

import java.util.Objects;

/** The voice platform's id of one phone call: 1 to 200 printable characters. */
public record CallId(String value) {
    public static final int MAX_LENGTH = 200;

    public CallId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a call id");
        }
    }

    public static boolean isValid(String text) {
        return text != null && !text.isBlank() && text.length() <= MAX_LENGTH
                && text.chars().noneMatch(Character::isISOControl);
    }

    @Override
    public String toString() {
        return value;
    }
}
