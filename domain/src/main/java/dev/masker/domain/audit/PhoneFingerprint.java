package dev.masker.domain.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A keyed, non-reversible stand-in for a phone number: the value of the number's {@code MSKV1} PHONE token, 26 unpadded
 * base32 characters ({@code A}–{@code Z}, {@code 2}–{@code 7}), so an audit event and a session's tokens name the same
 * caller the same way. {@link PhoneFingerprinter} never gives one that holds a run of four of the number's digits.
 */
public record PhoneFingerprint(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Z2-7]{26}");

    public PhoneFingerprint {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a phone fingerprint");
        }
    }
}
