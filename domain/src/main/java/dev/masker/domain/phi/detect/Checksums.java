package dev.masker.domain.phi.detect;

import java.util.regex.Pattern;

/** The check digits and number rules that tell a real identifier from a look-alike. */
final class Checksums {
    // Compiled once: String.matches compiles its pattern on every call, and these run for every candidate value.
    private static final Pattern DEA = Pattern.compile("[A-Z][A-Z9][0-9]{7}");
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final String MBI_LETTER = "[AC-HJKMNP-RT-Y]";
    private static final String MBI_ALNUM = "[AC-HJKMNP-RT-Y0-9]";
    private static final Pattern MBI = Pattern.compile("[1-9]" + MBI_LETTER + MBI_ALNUM + "[0-9]" + MBI_LETTER
            + MBI_ALNUM + "[0-9]" + MBI_LETTER + MBI_LETTER + "[0-9][0-9]");

    private Checksums() {}

    /** Luhn (mod 10) over all digits, as used by payment cards and NPIs. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }

    /** An NPI: ten digits whose Luhn check covers the constant prefix 80840. */
    static boolean npi(String digits) {
        return digits.length() == 10 && luhn("80840" + digits);
    }

    /** A social security number that the SSA could have issued: no 000, 666 or 9xx area, no 00 group, no 0000 serial. */
    static boolean ssn(String digits) {
        if (digits.length() != 9 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        String area = digits.substring(0, 3);
        return !area.equals("000")
                && !area.equals("666")
                && area.charAt(0) != '9'
                && !digits.startsWith("00", 3)
                && !digits.endsWith("0000");
    }

    /** A DEA registration number: two letters, seven digits, the last a check over the other six. */
    static boolean dea(String value) {
        String v = value.toUpperCase(java.util.Locale.ROOT);
        if (!DEA.matcher(v).matches()) {
            return false;
        }
        int[] d = v.substring(2).chars().map(c -> c - '0').toArray();
        int check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
        return check == d[6];
    }

    /** A VIN: seventeen characters without I, O, Q whose ninth is the weighted check digit. */
    static boolean vin(String value) {
        String v = value.toUpperCase(java.util.Locale.ROOT);
        if (!VIN.matcher(v).matches()) {
            return false;
        }
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        String letters = "12345678" + "0" + "12345" + "0" + "7" + "0" + "9" + "23456789";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = v.charAt(i);
            int value0 = Character.isDigit(c) ? c - '0' : letters.charAt(c - 'A') - '0';
            sum += value0 * weights[i];
        }
        int check = sum % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return v.charAt(8) == expected;
    }

    /** The shape of a Medicare Beneficiary Identifier (11 characters, dashes removed). */
    static boolean mbi(String value) {
        String v = value.toUpperCase(java.util.Locale.ROOT).replace("-", "");
        return MBI.matcher(v).matches();
    }
}
