package dev.masker.domain.phi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

    @ParameterizedTest
    @CsvSource({"'',''", "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI"})
    void givenTheRfc4648Vectors_encode_givesThemUnpadded(String bytes, String expected) {
        assertEquals(expected, Base32.encode(bytes.getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(
                bytes.getBytes(StandardCharsets.US_ASCII),
                Base32.decode(expected).orElseThrow());
    }

    @Test
    void givenRandomBytes_encodeThenDecode_givesThemBack() {
        Random random = new Random(42);
        for (int length = 0; length < 70; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);

            assertArrayEquals(bytes, Base32.decode(Base32.encode(bytes)).orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"M", "MZX", "MZXW6Y", "mzxw6", "MZXW1", "MZXW6===", "MZ"})
    void givenTextThatIsNotUnpaddedBase32OfWholeBytes_decode_isEmpty(String text) {
        assertTrue(Base32.decode(text).isEmpty());
    }
}
