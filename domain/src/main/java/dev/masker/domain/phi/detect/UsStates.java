package dev.masker.domain.phi.detect;

import java.util.List;
import java.util.Locale;

/**
 * The US states, DC and the territories with a postal address of their own (Puerto Rico, Guam, the Virgin Islands) by
 * name and by postal code, and the tests the address and ZIP recognizers ask of them.
 */
final class UsStates {
    static final List<String> NAMES = List.of(
            "Alabama",
            "Alaska",
            "Arizona",
            "Arkansas",
            "California",
            "Colorado",
            "Connecticut",
            "Delaware",
            "Florida",
            "Georgia",
            "Hawaii",
            "Idaho",
            "Illinois",
            "Indiana",
            "Iowa",
            "Kansas",
            "Kentucky",
            "Louisiana",
            "Maine",
            "Maryland",
            "Massachusetts",
            "Michigan",
            "Minnesota",
            "Mississippi",
            "Missouri",
            "Montana",
            "Nebraska",
            "Nevada",
            "New Hampshire",
            "New Jersey",
            "New Mexico",
            "New York",
            "North Carolina",
            "North Dakota",
            "Ohio",
            "Oklahoma",
            "Oregon",
            "Pennsylvania",
            "Rhode Island",
            "South Carolina",
            "South Dakota",
            "Tennessee",
            "Texas",
            "Utah",
            "Vermont",
            "Virginia",
            "Washington",
            "West Virginia",
            "Wisconsin",
            "Wyoming",
            "Puerto Rico",
            "Guam",
            "Virgin Islands");
    static final List<String> CODES = List.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
            "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
            "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "DC");

    private static final List<String> LOWER_NAMES =
            NAMES.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    /** The codes as a table of their two letters, 'A' to 'Z' each. */
    private static final boolean[] IS_CODE = new boolean[26 * 26];

    static {
        for (String code : CODES) {
            IS_CODE[(code.charAt(0) - 'A') * 26 + code.charAt(1) - 'A'] = true;
        }
    }

    private UsStates() {}

    /**
     * The code of the state after {@code at}, as {@code ^,?\\s+(?:(CODES)\\b|((?i:NAMES))\\b)} matched from there
     * tells it: a comma perhaps, one or more blanks, then a code in capitals or a name in any ASCII case, whole; null if
     * none. Asked of every place name found, where the regex tried its hundred alternatives one by one.
     */
    static String codeAfter(String text, int at) {
        int start = at < text.length() && text.charAt(at) == ',' ? at + 1 : at;
        int state = start;
        while (state < text.length() && RegexText.isBlank(text.charAt(state))) {
            state++;
        }
        if (state == start) {
            return null;
        }
        if (state + 2 <= text.length()
                && isCode(text.charAt(state), text.charAt(state + 1), false)
                && RegexText.isBoundary(text, state + 2, at, text.length())) {
            return text.substring(state, state + 2);
        }
        for (int i = 0; i < LOWER_NAMES.size(); i++) {
            String name = LOWER_NAMES.get(i);
            if (RegexText.regionMatchesIgnoringCase(text, state, name)
                    && RegexText.isBoundary(text, state + name.length(), at, text.length())) {
                return CODES.get(i);
            }
        }
        return null;
    }

    /**
     * Whether {@code text[from, to)} ends with a state, as a search of it with
     * {@code (?:(?i:NAMES)|(?:CODES)|, ?(?i:CODES)),?\s*$} finds: a name in any ASCII case, a code in capitals, or a
     * comma, perhaps a space, and a code in any case; then perhaps a comma, blanks, and the end or a final line terminator.
     */
    static boolean endWindow(String text, int from, int to) {
        if (endsBefore(text, from, to)) {
            return true;
        }
        int terminator = RegexText.finalLineTerminator(text, from, to);
        return terminator > 0 && endsBefore(text, from, to - terminator);
    }

    private static boolean endsBefore(String text, int from, int end) {
        int blanks = end;
        while (blanks > from && RegexText.isBlank(text.charAt(blanks - 1))) {
            blanks--;
        }
        // Every state ends with a letter, so a comma before the blanks is the optional one and the state ends before
        // it.
        int state = blanks > from && text.charAt(blanks - 1) == ',' ? blanks - 1 : blanks;
        return nameEndsAt(text, from, state) || codeEndsAt(text, from, state);
    }

    private static boolean nameEndsAt(String text, int from, int end) {
        for (String name : LOWER_NAMES) {
            int start = end - name.length();
            if (start >= from && RegexText.regionMatchesIgnoringCase(text, start, name)) {
                return true;
            }
        }
        return false;
    }

    /** A code in capitals, or after a comma and perhaps a space in any case, ending at {@code end}. */
    private static boolean codeEndsAt(String text, int from, int end) {
        if (end - 2 < from) {
            return false;
        }
        char first = text.charAt(end - 2);
        char second = text.charAt(end - 1);
        return isCode(first, second, false) || isCode(first, second, true) && afterComma(text, from, end - 2);
    }

    /** Whether a comma, or a comma and a space, ends {@code text[from, at)}. */
    private static boolean afterComma(String text, int from, int at) {
        return at - 1 >= from && text.charAt(at - 1) == ','
                || at - 2 >= from && text.charAt(at - 1) == ' ' && text.charAt(at - 2) == ',';
    }

    /**
     * A necessary condition for ZIP's state at {@code at}, given where the blanks before its digits start: the state
     * fills the text from {@code at} to those blanks or to a comma just before them. It opens there with a name in any
     * ASCII case or a code in capitals, or with a comma, perhaps a space, and a code in any case.
     */
    static boolean mayPrecedeZip(String text, int at, int blanks) {
        int end = blanks - 1 >= at && text.charAt(blanks - 1) == ',' ? blanks - 1 : blanks;
        if (text.charAt(at) == ',') {
            int code = at + 1 < end && text.charAt(at + 1) == ' ' ? at + 2 : at + 1;
            return end - code == 2 && isCode(text.charAt(code), text.charAt(code + 1), true);
        }
        if (end - at == 2 && isCode(text.charAt(at), text.charAt(at + 1), false)) {
            return true;
        }
        for (String name : LOWER_NAMES) {
            if (name.length() == end - at && RegexText.regionMatchesIgnoringCase(text, at, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCode(char first, char second, boolean anyCase) {
        return RegexText.isLetter(first)
                && RegexText.isLetter(second)
                && (anyCase || first <= 'Z' && second <= 'Z')
                && IS_CODE[((first & ~0x20) - 'A') * 26 + (second & ~0x20) - 'A'];
    }
}
