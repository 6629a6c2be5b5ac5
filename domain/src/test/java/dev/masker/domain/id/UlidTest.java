package dev.masker.domain.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UlidTest {
    private static final String VALID = "01JD8Q2W3E4R5T6Y7V8X9Z0P1A";

    @Test
    void givenAnInstantAndARandomSource_generate_givesAValidUlidOf26Characters() {
        Ulid ulid = Ulid.generate(Instant.parse("2026-05-03T21:14:32.481Z"), new SplittableRandom(42));

        assertEquals(26, ulid.value().length());
        assertTrue(Ulid.isValid(ulid.value()), ulid.value());
    }

    @Test
    void givenAKnownInstant_generate_encodesItsMillisecondsInTheFirstTenCharacters() {
        // 1469918176385 ms is the time of the ULID spec's example 01ARYZ6S41...
        Ulid ulid = Ulid.generate(Instant.ofEpochMilli(1_469_918_176_385L), new SplittableRandom(1));

        assertEquals("01ARYZ6S41", ulid.value().substring(0, 10));
    }

    @Test
    void givenTheEpochAndTheLargestTime_generate_writesTheTimeAsZerosAndAsSevenZs() {
        assertEquals(
                "0000000000",
                Ulid.generate(Instant.EPOCH, new SplittableRandom(1)).value().substring(0, 10));
        Instant largest = Instant.ofEpochMilli((1L << 48) - 1);
        assertEquals(
                "7ZZZZZZZZZ",
                Ulid.generate(largest, new SplittableRandom(1)).value().substring(0, 10));
    }

    @Test
    void givenLaterInstants_generate_sortsTheirUlidsInTimeOrder() {
        Ulid earlier = Ulid.generate(Instant.parse("2026-05-03T21:14:32.481Z"), new SplittableRandom(7));
        Ulid later = Ulid.generate(Instant.parse("2026-05-03T21:14:32.482Z"), new SplittableRandom(3));

        assertTrue(earlier.value().compareTo(later.value()) < 0);
    }

    @Test
    void givenTheSameInstant_generate_drawsDifferentRandomParts() {
        Instant now = Instant.parse("2026-05-03T21:14:32.481Z");
        SplittableRandom random = new SplittableRandom(9);

        assertNotEquals(Ulid.generate(now, random), Ulid.generate(now, random));
    }

    @Test
    void givenACanonicalUlid_isValid_acceptsIt() {
        assertTrue(Ulid.isValid(VALID));
        assertTrue(Ulid.isValid("7ZZZZZZZZZZZZZZZZZZZZZZZZZ"));
        assertTrue(Ulid.isValid("00000000000000000000000000"));
    }

    @Test
    void givenLowerCase_isValid_rejectsIt() {
        assertFalse(Ulid.isValid(VALID.toLowerCase(java.util.Locale.ROOT)));
        assertFalse(Ulid.isValid("01JD8Q2W3E4R5T6Y7V8X9Z0P1a"));
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'L', 'O', 'U'})
    void givenALetterOutsideCrockfordBase32_isValid_rejectsIt(char letter) {
        assertFalse(Ulid.isValid("01JD8Q2W3E4R5T6Y7V8X9Z0P1" + letter));
        assertFalse(Ulid.isValid("0" + letter + "JD8Q2W3E4R5T6Y7V8X9Z0P1A"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"01JD8Q2W3E4R5T6Y7V8X9Z0P1", "01JD8Q2W3E4R5T6Y7V8X9Z0P1AB", "", " 01JD8Q2W3E4R5T6Y7V8X9Z0P1A"})
    void givenTheWrongLength_isValid_rejectsIt(String text) {
        assertFalse(Ulid.isValid(text));
    }

    @ParameterizedTest
    @ValueSource(chars = {'8', '9', 'A', 'Z'})
    void givenAFirstCharacterAbove7_isValid_rejectsItAsOverflowing48Bits(char first) {
        assertFalse(Ulid.isValid(first + VALID.substring(1)));
    }

    @Test
    void givenNull_isValid_rejectsIt() {
        assertFalse(Ulid.isValid(null));
    }

    @Test
    void givenAnInvalidText_constructor_throws() {
        assertThrows(IllegalArgumentException.class, () -> new Ulid(VALID.toLowerCase(java.util.Locale.ROOT)));
        assertThrows(NullPointerException.class, () -> new Ulid(null));
    }

    @Test
    void givenIdsMadeFromAUlid_value_prefixesTheirKind() {
        Ulid ulid = new Ulid(VALID);

        assertEquals("req_" + VALID, new RequestId(ulid).value());
        assertEquals("evt_" + VALID, new EventId(ulid).value());
    }
}
