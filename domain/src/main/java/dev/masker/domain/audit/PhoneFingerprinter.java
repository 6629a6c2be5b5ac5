package dev.masker.domain.audit;

import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiNormalization;
import dev.masker.domain.phi.VaultTokens;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes {@link PhoneFingerprint}s on the PHI engine: the value of the number's {@code MSKV1} PHONE token under one kid
 * (HMAC-SHA256 under the kid's key over {@linkplain PhiNormalization the PHONE normalisation}: the digits, a leading US
 * country code dropped), so every formatting of a number gets the same fingerprint, equal to the token the masking of a
 * turn gives it, while nobody without the key can test guesses against it.
 */
public final class PhoneFingerprinter {
    /** SPEC §4: an audit event holds no run of this many of the number's digits. */
    static final int DIGIT_RUN = 4;

    private final VaultTokens tokens;
    private final Kid kid;

    /** Fingerprints made as {@code tokens} makes MSKV1 PHONE tokens under {@code kid}. */
    public PhoneFingerprinter(VaultTokens tokens, Kid kid) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.kid = Objects.requireNonNull(kid, "kid");
    }

    /**
     * The fingerprint of the number; empty when it holds no digit, or — about once in tens of thousands of numbers — when
     * the token value, whose base32 has the digits 2 to 7, happens to show four of the number's digits in a row.
     */
    public Optional<PhoneFingerprint> fingerprint(String number) {
        String digits = PhiNormalization.normalize(PhiKind.PHONE, number);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // No digit at all: the normalisation fell back to the words of the text, which is no number.
            return Optional.empty();
        }
        String value = tokens.token(PhiKind.PHONE, kid, number).value();
        return showsADigitRun(value, digits) ? Optional.empty() : Optional.of(new PhoneFingerprint(value));
    }

    private static boolean showsADigitRun(String value, String digits) {
        for (int start = 0; start + DIGIT_RUN <= digits.length(); start++) {
            if (value.contains(digits.substring(start, start + DIGIT_RUN))) {
                return true;
            }
        }
        return false;
    }
}
