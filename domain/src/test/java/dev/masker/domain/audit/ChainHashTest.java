package dev.masker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The hash rule docs/AUDIT.md gives third parties, pinned to a fixed vector. */
class ChainHashTest {
    @Test
    void givenGenesisAndABodyWithNonAsciiText_of_isLowerHexSha256OfTheirUtf8Concatenation() {
        assertEquals(
                "50528648080c471f3aa90c6198a5d913814f99344290d692ee3a8ae061bd2b4e",
                ChainHash.of(ChainHash.GENESIS, "{\"a\":\"Zoë\"}"));
    }

    @Test
    void givenTexts_isWellFormed_acceptsOnly64LowerCaseHexDigits() {
        assertTrue(ChainHash.isWellFormed(ChainHash.GENESIS));
        assertTrue(ChainHash.isWellFormed(ChainHash.of(ChainHash.GENESIS, "x")));
        assertFalse(ChainHash.isWellFormed(ChainHash.of(ChainHash.GENESIS, "x").toUpperCase()));
        assertFalse(ChainHash.isWellFormed("0".repeat(63)));
        assertFalse(ChainHash.isWellFormed(null));
    }
}
