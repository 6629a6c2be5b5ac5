package dev.masker.domain.phi;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a PHI value is normalised before its {@link TokenScheme#MSKV1} token is computed, so that the same value written
 * differently gets the same token within a kid. The rule, by kind, after Unicode NFKC and trimming:
 * <ul>
 *   <li>PHONE, FAX: the digits only, a leading US country code {@code 1} dropped from 11 digits
 *       ({@code +1 (415) 555-0100} = {@code 415.555.0100} = {@code 4155550100});</li>
 *   <li>SSN, CARD, ZIP: the digits only ({@code 123-45-6789} = {@code 123 45 6789});</li>
 *   <li>MRN, HEALTH_PLAN, ACCOUNT, LICENSE, VEHICLE, DEVICE: upper case without spaces, hyphens and dots;</li>
 *   <li>EMAIL, IP: lower case, no whitespace;</li>
 *   <li>NAME, ADDRESS, CITY, DOB, DATE, AGE, URL and any other: runs of whitespace made one space, lower case
 *       (URL keeps its case: paths are case-sensitive).</li>
 * </ul>
 * A value the rule would leave empty (no digit in a phone number) is normalised by the last rule instead, so two
 * different digit-less values never share a token.
 */
public final class PhiNormalization {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]+");

    private PhiNormalization() {
    }

    /** The value as its MSKV1 token is computed over. */
    public static String normalize(PhiKind kind, String value) {
        String text = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        String normalized = switch (kind) {
            case PHONE, FAX -> withoutUsCountryCode(NOT_DIGIT.matcher(text).replaceAll(""));
            case SSN, CARD, ZIP -> NOT_DIGIT.matcher(text).replaceAll("");
            case MRN, HEALTH_PLAN, ACCOUNT, LICENSE, VEHICLE, DEVICE ->
                    SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
            case EMAIL, IP -> WHITESPACE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
            case URL -> WHITESPACE.matcher(text).replaceAll(" ");
            default -> words(text);
        };
        return normalized.isEmpty() ? words(text) : normalized;
    }

    private static String words(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static String withoutUsCountryCode(String digits) {
        return digits.length() == 11 && digits.charAt(0) == '1' ? digits.substring(1) : digits;
    }
}
