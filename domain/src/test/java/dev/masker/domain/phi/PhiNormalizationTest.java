package dev.masker.domain.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhiNormalizationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PHONE|+1 (415) 555-0100|4155550100",
        "PHONE|415.555.0100|4155550100",
        "FAX|1-415-555-0100|4155550100",
        "SSN|123-45-6789|123456789",
        "CARD|4111 1111 1111 1111|4111111111111111",
        "ZIP|94103-1234|941031234",
        "EMAIL|' John.Smith@Example.COM '|john.smith@example.com",
        "NAME|'  Jane   DOE '|jane doe",
        "CITY|San  Francisco|san francisco",
        "MRN|mrn-00 12.34|MRN001234",
        "URL|https://Example.com/A|https://Example.com/A",
        "PHONE|no digits here|no digits here",
    })
    void givenAValueOfAKind_normalize_appliesTheKindsRule(PhiKind kind, String value, String expected) {
        assertEquals(expected, PhiNormalization.normalize(kind, value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PHONE|415 555 0100|415 555 0101", "NAME|Jane Doe|Jane Doerr"})
    void givenDifferentValues_normalize_keepsThemApart(PhiKind kind, String one, String other) {
        assertNotEquals(PhiNormalization.normalize(kind, one), PhiNormalization.normalize(kind, other));
    }
}
