package dev.masker.domain.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhiTokenTest {
    private static final Kid KID = new Kid("K_HEALTHCARE");

    @Test
    void givenBase32ValuesOf16To1024Characters_create_acceptsThem() {
        for (String value : List.of("A".repeat(16), "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "7".repeat(1024))) {
            assertEquals(value, new PhiToken(TokenScheme.MSKV1, PhiKind.NAME, KID, value).value());
        }
    }

    @Test
    void givenValuesOutsideBase32OrItsLengths_create_refusesThem() {
        for (String value : List.of(
                "A".repeat(15),
                "A".repeat(1025),
                "a".repeat(16),
                "1" + "A".repeat(15),
                "8" + "A".repeat(15),
                "A".repeat(15) + "=",
                "A".repeat(15) + "É",
                "")) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new PhiToken(TokenScheme.MSKV1, PhiKind.NAME, KID, value),
                    value);
        }
    }
}
