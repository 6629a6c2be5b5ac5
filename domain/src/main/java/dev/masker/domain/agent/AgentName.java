package dev.masker.domain.agent;

import dev.masker.domain.error.DomainException;
import java.util.Objects;

/** An agent's human name: 1 to 64 characters, no control characters, unique among live agents ignoring case. */
public record AgentName(String value) {
    public static final int MAX_LENGTH = 64;

    public AgentName {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            // The name comes from a request body: a caller that skipped problemWith still gets a 422, not a 500.
            throw DomainException.invalid("name", problem);
        }
    }

    /** Why the text cannot be a name, or {@code null} when it can. */
    public static String problemWith(String text) {
        if (text == null || text.isBlank()) {
            return "must not be blank";
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            return "must not contain control characters";
        }
        if (!text.strip().equals(text)) {
            return "must not start or end with white space";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
