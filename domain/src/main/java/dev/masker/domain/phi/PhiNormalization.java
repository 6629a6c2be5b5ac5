package dev.masker.domain.phi;

import java.text.Normalizer;
import java.util.Locale;

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
    private PhiNormalization() {}

    /** The value as its MSKV1 token is computed over. */
    public static String normalize(PhiKind kind, String value) {
        // NFKC leaves ASCII text as it is; most values are ASCII, and the normaliser is the dearer part for them.
        String text = (isAscii(value) ? value : Normalizer.normalize(value, Normalizer.Form.NFKC)).strip();
        String normalized = switch (kind) {
            case PHONE, FAX -> withoutUsCountryCode(digits(text));
            case SSN, CARD, ZIP -> digits(text);
            case MRN, HEALTH_PLAN, ACCOUNT, LICENSE, VEHICLE, DEVICE ->
                withoutSeparators(text).toUpperCase(Locale.ROOT);
            case EMAIL, IP -> blanksReplaced(text, "").toLowerCase(Locale.ROOT);
            case URL -> blanksReplaced(text, " ");
            default -> words(text);
        };
        return normalized.isEmpty() ? words(text) : normalized;
    }

    private static String words(String text) {
        return blanksReplaced(text, " ").toLowerCase(Locale.ROOT);
    }

    private static String withoutUsCountryCode(String digits) {
        return digits.length() == 11 && digits.charAt(0) == '1' ? digits.substring(1) : digits;
    }

    /** The ASCII digits only: what replacing {@code [^0-9]} with nothing leaves. */
    private static String digits(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** What replacing {@code [\\s.\\-]+} with nothing leaves: no blanks, full stops or hyphens. */
    private static String withoutSeparators(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isBlank(c) && c != '.' && c != '-') {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** What replacing each run of {@code \\s} with {@code replacement} gives. */
    private static String blanksReplaced(String text, String replacement) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isBlank(c)) {
                out.append(c);
            } else if (i == 0 || !isBlank(text.charAt(i - 1))) {
                out.append(replacement);
            }
        }
        return out.toString();
    }

    /** Java's {@code \\s} without UNICODE_CHARACTER_CLASS: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
