package dev.masker.domain.phi.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChecksumsTest {
    @Test
    void givenCardNumbers_luhn_acceptsOnlyTheValidCheckDigit() {
        assertTrue(Checksums.luhn("4111111111111111"));
        assertFalse(Checksums.luhn("4111111111111112"));
    }

    @Test
    void givenNpis_npi_checksTheLuhnDigitOverThe80840Prefix() {
        assertTrue(Checksums.npi("1234567893"));
        assertFalse(Checksums.npi("1234567890"));
    }

    @Test
    void givenSsns_ssn_rejectsAreas000And666And9xxAndEmptyGroupsOrSerials() {
        assertTrue(Checksums.ssn("553607709"));
        assertFalse(Checksums.ssn("000123456"));
        assertFalse(Checksums.ssn("666123456"));
        assertFalse(Checksums.ssn("912123456"));
        assertFalse(Checksums.ssn("553007709"));
        assertFalse(Checksums.ssn("553600000"));
    }

    @Test
    void givenDeaNumbers_dea_checksTheWeightedDigit() {
        assertTrue(Checksums.dea("AB1234563"));
        assertFalse(Checksums.dea("AB1234564"));
    }

    @Test
    void givenVins_vin_checksTheNinthCharacter() {
        assertTrue(Checksums.vin("1M8GDM9AXKP042788"));
        assertFalse(Checksums.vin("1M8GDM9A1KP042788"));
        assertFalse(Checksums.vin("1M8GDM9AXKP04278"));
    }

    @Test
    void givenMedicareIds_mbi_acceptsTheShapeWithOrWithoutDashes() {
        assertTrue(Checksums.mbi("1EG4-TE5-MK73"));
        assertTrue(Checksums.mbi("1EG4TE5MK73"));
        assertFalse(Checksums.mbi("1EG4-TE5-MK7"));
        assertFalse(Checksums.mbi("0EG4-TE5-MK73"));
    }
}
