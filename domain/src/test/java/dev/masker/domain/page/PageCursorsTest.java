package dev.masker.domain.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorsTest {
    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final PageCursors cursors = new PageCursors(key(1));

    @Test
    void givenAPosition_encodeThenDecode_returnsIt() {
        String cursor = cursors.encode("agents:1764201600:123:agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1R");

        assertEquals(Optional.of("agents:1764201600:123:agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1R"), cursors.decode(cursor));
        assertTrue(cursor.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), cursor);
    }

    @Test
    void givenAnotherServersKey_decode_refusesItsCursor() {
        String foreign = new PageCursors(key(2)).encode("agents:1:0:agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1R");

        assertEquals(Optional.empty(), cursors.decode(foreign));
    }

    @Test
    void givenOneCharacterChanged_decode_refusesTheCursor() {
        String cursor = cursors.encode("agents:1:0:agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1R");
        char first = cursor.charAt(0);
        String altered = (first == 'A' ? 'B' : 'A') + cursor.substring(1);

        assertNotEquals(cursor, altered);
        assertEquals(Optional.empty(), cursors.decode(altered));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "a.b.c", "!!!.???", "YWdlbnRz.", ".YWdlbnRz"})
    void givenGarbage_decode_refusesItWithoutThrowing(String garbage) {
        assertEquals(Optional.empty(), cursors.decode(garbage));
    }

    @Test
    void givenAShortKey_constructor_refuses() {
        assertThrows(IllegalArgumentException.class, () -> new PageCursors(new byte[16]));
    }
}
