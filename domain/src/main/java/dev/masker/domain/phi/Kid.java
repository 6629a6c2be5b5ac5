package dev.masker.domain.phi;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A key id: names the secret key a policy's tokens are made with, e.g. {@code K_HEALTHCARE}, whose key is read from
 * {@code MASKER_KEY_K_HEALTHCARE} (and {@code MASKER_KEY_K_HEALTHCARE_OLD} while rotating).
 */
public record Kid(String value) {
    private static final Pattern FORM = Pattern.compile("K_[A-Z0-9]{1,30}");

    public Kid {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            // A kid comes from outside in an agent's policy YAML, so a bad one is refused as that YAML is.
            throw DomainException.invalidPolicy(
                    List.of(new FieldProblem("kid", "must be K_ followed by 1 to 30 upper-case letters or digits")));
        }
    }

    public static boolean isValid(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** The environment variable holding this kid's current key. */
    public String keyVariable() {
        return "MASKER_KEY_" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
