package dev.masker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.VaultTokens;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneFingerprinterTest {
    private static final Kid KID = MaskingPolicy.HEALTHCARE_KID;
    private static final Kid OTHER_KID = new Kid("K_OTHER");

    private final VaultTokens tokens = tokens(7);
    private final PhoneFingerprinter fingerprinter = new PhoneFingerprinter(tokens, KID);

    /** The engine's MSKV1 tokens with both kids keyed by bytes of {@code fill} (the other kid by {@code fill + 1}). */
    static VaultTokens tokens(int fill) {
        return new VaultTokens(
                KeyRing.of(Map.of(
                        KID,
                        new KeyRing.Keys(key(fill), Optional.empty()),
                        OTHER_KID,
                        new KeyRing.Keys(key(fill + 1), Optional.empty()))),
                new SecureRandom());
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static boolean showsARunOfItsDigits(String value, String number) {
        String digits = number.replaceAll("\\D", "");
        for (int start = 0; start + PhoneFingerprinter.DIGIT_RUN <= digits.length(); start++) {
            if (value.contains(digits.substring(start, start + PhoneFingerprinter.DIGIT_RUN))) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 (415) 555-0100", "14155550100", "+14155550100", "415.555.0100", " (415) 555 0100 "})
    void givenOneNumberWrittenInDifferentFormats_fingerprint_isTheValueOfItsMskv1PhoneToken(String written) {
        String token = tokens.token(PhiKind.PHONE, KID, "+1 (415) 555-0100").value();

        assertEquals(Optional.of(new PhoneFingerprint(token)), fingerprinter.fingerprint(written));
        assertEquals(tokens.token(PhiKind.PHONE, KID, written).value(), token);
    }

    @Test
    void givenDifferentNumbers_fingerprint_givesDifferentFingerprints() {
        assertNotEquals(fingerprinter.fingerprint("+14155550100"), fingerprinter.fingerprint("+14155550101"));
        assertNotEquals(fingerprinter.fingerprint("+14155550100"), fingerprinter.fingerprint("+4414155550100"));
    }

    @Test
    void givenAnotherKidOrKey_fingerprint_givesAnotherFingerprintForTheSameNumber() {
        PhoneFingerprint healthcare = fingerprinter.fingerprint("+14155550100").orElseThrow();

        assertNotEquals(Optional.of(healthcare), new PhoneFingerprinter(tokens, OTHER_KID).fingerprint("+14155550100"));
        assertNotEquals(Optional.of(healthcare), new PhoneFingerprinter(tokens(9), KID).fingerprint("+14155550100"));
        assertEquals(Optional.of(healthcare), new PhoneFingerprinter(tokens(7), KID).fingerprint("+14155550100"));
    }

    @Test
    void givenManyNumbers_fingerprint_neverShowsARunOfFourOfTheirDigits() {
        int given = 0;
        for (int i = 0; i < 20_000; i++) {
            String number = "+1 (234) 567-" + (2000 + i);
            Optional<PhoneFingerprint> fingerprint = fingerprinter.fingerprint(number);
            if (fingerprint.isPresent()) {
                given++;
                assertFalse(showsARunOfItsDigits(fingerprint.get().value(), number), number);
            }
        }
        assertTrue(given > 19_900, given + " of 20000 numbers got a fingerprint");
    }

    @Test
    void givenANumberWhoseTokenShowsARunOfItsDigits_fingerprint_givesNone() {
        // Numbers of the digits 2-7 only, which base32 can show: search for one whose token value holds a run of them.
        String unlucky = null;
        for (int i = 0; i < 1_000_000 && unlucky == null; i++) {
            String number = "+1 (234) 567-" + (2000 + i % 6000) + " ext " + (i / 6000);
            String value = tokens.token(PhiKind.PHONE, KID, number).value();
            unlucky = showsARunOfItsDigits(value, number) ? number : null;
        }

        assertTrue(unlucky != null, "the search found no such number");
        assertEquals(Optional.empty(), fingerprinter.fingerprint(unlucky));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "+", "anonymous", "+ ( ) -", "unknown caller"})
    void givenTextWithoutDigits_fingerprint_givesNone(String text) {
        assertEquals(Optional.empty(), fingerprinter.fingerprint(text));
    }

    @Test
    void givenTextNotInTheFingerprintForm_constructor_throws() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneFingerprint("fp_abcdefghijklmnopabcd"));
        assertThrows(IllegalArgumentException.class, () -> new PhoneFingerprint("+14155552671"));
        assertThrows(IllegalArgumentException.class, () -> new PhoneFingerprint("A".repeat(25) + "1"));
    }
}
