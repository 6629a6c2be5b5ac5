package dev.masker.domain.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhiNormalizationTest {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]+");

    /** The rule as it was first written, with regexes: tokens already issued depend on it, so it must never move. */
    private static String byRegexes(PhiKind kind, String value) {
        String text = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        String normalized = switch (kind) {
            case PHONE, FAX -> {
                String digits = NOT_DIGIT.matcher(text).replaceAll("");
                yield digits.length() == 11 && digits.charAt(0) == '1' ? digits.substring(1) : digits;
            }
            case SSN, CARD, ZIP -> NOT_DIGIT.matcher(text).replaceAll("");
            case MRN, HEALTH_PLAN, ACCOUNT, LICENSE, VEHICLE, DEVICE ->
                SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
            case EMAIL, IP -> WHITESPACE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
            case URL -> WHITESPACE.matcher(text).replaceAll(" ");
            default -> WHITESPACE.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
        };
        return normalized.isEmpty() ? WHITESPACE.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT) : normalized;
    }

    @Test
    void givenSeededRandomValuesOfEveryKind_normalize_givesWhatTheRegexRuleGives() {
        String[] pieces = {
            "a",
            "B",
            "z",
            "1",
            "0",
            "9",
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\u000B",
            "\f",
            ".",
            "-",
            "+",
            "(",
            ")",
            "@",
            "/",
            "\u00A0",
            "\u2028",
            "\u3000",
            "\uFF11",
            "\uFB01",
            "\u212A",
            "é",
            "e\u0301",
            "İ",
            "ß",
            "\uD835\uDC00",
            "_",
            "#",
            "415",
            "555-0100",
            "Jane",
            "DOE"
        };
        Random random = new Random(20261127);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder value = new StringBuilder();
            for (int parts = random.nextInt(9); parts > 0; parts--) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            for (PhiKind kind : PhiKind.values()) {
                String shown = value.toString();
                assertEquals(
                        byRegexes(kind, shown),
                        PhiNormalization.normalize(kind, shown),
                        () -> kind + " [" + shown + "]");
            }
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
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
    @CsvSource(
            delimiter = '|',
            value = {"PHONE|415 555 0100|415 555 0101", "NAME|Jane Doe|Jane Doerr"})
    void givenDifferentValues_normalize_keepsThemApart(PhiKind kind, String one, String other) {
        assertNotEquals(PhiNormalization.normalize(kind, one), PhiNormalization.normalize(kind, other));
    }
}
