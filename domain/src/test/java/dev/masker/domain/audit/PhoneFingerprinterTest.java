package dev.masker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneFingerprinterTest {
    private static final Pattern ANY_DIGIT = Pattern.compile("\\p{Nd}");

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final PhoneFingerprinter fingerprinter = new PhoneFingerprinter(key(7));

    @Test
    void givenOneNumberWrittenInDifferentFormats_fingerprint_givesTheSameFingerprint() {
        PhoneFingerprint plain = fingerprinter.fingerprint("+14155552671").orElseThrow();

        for (String written : new String[] {"+1 (415) 555-2671", "+1-415-555-2671", " +1.415.555.2671 ", "+1 415 555 2671"}) {
            assertEquals(plain, fingerprinter.fingerprint(written).orElseThrow(), written);
        }
    }

    @Test
    void givenDifferentNumbers_fingerprint_givesDifferentFingerprints() {
        assertNotEquals(fingerprinter.fingerprint("+14155552671"), fingerprinter.fingerprint("+14155552672"));
        assertNotEquals(fingerprinter.fingerprint("+14155552671"), fingerprinter.fingerprint("14155552671"),
                "the leading + is part of the number");
    }

    @Test
    void givenDifferentKeys_fingerprint_givesDifferentFingerprintsForTheSameNumber() {
        PhoneFingerprinter other = new PhoneFingerprinter(key(8));

        assertNotEquals(fingerprinter.fingerprint("+14155552671"), other.fingerprint("+14155552671"));
    }

    @Test
    void givenTheSameKeyInTwoFingerprinters_fingerprint_agrees() {
        assertEquals(new PhoneFingerprinter(key(7)).fingerprint("+13125550199"), fingerprinter.fingerprint("+13125550199"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155552671", "+13125550199", "0", "911", "+44 20 7946 0958", "1234567890123456789012345"})
    void givenANumber_fingerprint_containsNoDigitAtAll(String number) {
        String value = fingerprinter.fingerprint(number).orElseThrow().value();

        assertFalse(ANY_DIGIT.matcher(value).find(), value);
        assertTrue(value.matches("fp_[a-p]{20}"), value);
    }

    @Test
    void givenManyNumbers_fingerprint_neverContainsADigit() {
        for (int i = 0; i < 2000; i++) {
            String value = fingerprinter.fingerprint("+1415555" + i).orElseThrow().value();
            assertFalse(ANY_DIGIT.matcher(value).find(), value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "+", "anonymous", "+ ( ) -", "unknown caller"})
    void givenTextWithoutDigits_fingerprint_givesNone(String text) {
        assertEquals(Optional.empty(), fingerprinter.fingerprint(text));
    }

    @Test
    void givenAKeyThatIsNot32Bytes_constructor_throws() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneFingerprinter(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new PhoneFingerprinter(new byte[33]));
    }

    @Test
    void givenTheKeyArrayChangesAfterwards_fingerprint_keepsUsingTheOriginalKey() {
        byte[] key = key(7);
        PhoneFingerprinter keyed = new PhoneFingerprinter(key);
        Arrays.fill(key, (byte) 0);

        assertEquals(fingerprinter.fingerprint("+14155552671"), keyed.fingerprint("+14155552671"));
    }

    @Test
    void givenTwoFingerprints_same_comparesTheirValues() {
        PhoneFingerprint a = fingerprinter.fingerprint("+14155552671").orElseThrow();

        assertTrue(PhoneFingerprinter.same(a, fingerprinter.fingerprint("+1 415 555 2671").orElseThrow()));
        assertFalse(PhoneFingerprinter.same(a, fingerprinter.fingerprint("+14155552670").orElseThrow()));
    }

    @Test
    void givenTextNotInTheFingerprintForm_constructor_throws() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneFingerprint("fp_4155552671aaaaaaaaaa"));
        assertThrows(IllegalArgumentException.class, () -> new PhoneFingerprint("+14155552671"));
    }
}
