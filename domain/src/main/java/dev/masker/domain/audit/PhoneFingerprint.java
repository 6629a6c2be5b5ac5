package dev.masker.domain.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A keyed, non-reversible stand-in for a phone number: {@code fp_} and 20 letters from a-p. It is written with
 * letters only, so no run of a number's digits can ever appear in it.
 */
public record PhoneFingerprint(String value) {
    private static final Pattern FORM = Pattern.compile("fp_[a-p]{20}");

    public PhoneFingerprint {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a phone fingerprint");
        }
    }
}
