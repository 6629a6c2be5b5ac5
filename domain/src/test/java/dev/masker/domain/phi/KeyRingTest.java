package dev.masker.domain.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRingTest {
    static final Kid HEALTHCARE = new Kid("K_HEALTHCARE");
    static final Kid OTHER = new Kid("K_OTHER");

    static byte[] key(int fill) {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void givenAKeyOfTheWrongLength_keys_areRejectedWithoutShowingIt() {
        IllegalArgumentException failure =
                assertThrows(IllegalArgumentException.class, () -> new KeyRing.Keys(new byte[16], Optional.empty()));

        assertEquals("a token key is exactly 32 bytes", failure.getMessage());
    }

    @Test
    void givenARingWithOneKid_missing_namesOnlyTheOthers() {
        KeyRing ring = KeyRing.of(Map.of(HEALTHCARE, new KeyRing.Keys(key(1), Optional.empty())));

        assertEquals(List.of(OTHER), ring.missing(List.of(HEALTHCARE, OTHER, OTHER)));
        assertTrue(ring.keys(HEALTHCARE).isPresent());
        assertFalse(ring.keys(OTHER).isPresent());
    }

    @Test
    void givenNoKeyForAKid_require_failsNamingTheVariableNotAKey() {
        KeyRing ring = KeyRing.of(Map.of());

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> ring.require(OTHER));

        assertTrue(failure.getMessage().contains("MASKER_KEY_K_OTHER"));
    }

    @Test
    void givenKeysWithAnOldOne_newestFirst_triesTheCurrentKeyFirstAndHidesBothInText() {
        KeyRing.Keys keys = new KeyRing.Keys(key(1), Optional.of(key(2)));

        assertEquals(2, keys.newestFirst().size());
        assertEquals(1, keys.newestFirst().getFirst()[0]);
        assertEquals("Keys[current=<hidden>, old=<hidden>]", keys.toString());
    }

    @Test
    void givenKeys_changingTheBytesHandedOut_leavesTheKeysAsTheyWere() {
        KeyRing.Keys keys = new KeyRing.Keys(key(1), Optional.of(key(2)));

        keys.current()[0] = 9;
        keys.old().orElseThrow()[0] = 9;
        keys.newestFirst().getFirst()[0] = 9;

        assertEquals(new KeyRing.Keys(key(1), Optional.of(key(2))), keys);
    }
}
