package dev.masker.domain.phi.detect;

import java.util.Arrays;
import java.util.Set;

/**
 * Scanning of text shared by the recognizers: where ASCII words start, runs of letters and blanks, the trimming of
 * trailing punctuation, the start tests patterns are tried at, and patterns made into full-match tests.
 */
final class TextScan {
    private TextScan() {}

    static final String ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    /** The first characters of a match that starts with a digit. */
    static final StartFilter.FirstChars DIGIT = StartFilter.FirstChars.of(DIGITS, false);

    /** An unmodifiable set of the words. */
    static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    /** An ASCII digit, {@code [0-9]}. */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The start of the run of blanks that ends at {@code end}. */
    static int blanksBefore(String text, int end) {
        int start = end;
        while (start > 0 && RegexText.isBlank(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /**
     * Where the ASCII words start: a letter or digit not after one or an underscore. The patterns that start with
     * {@code \\b} and such a character are tried only there, and the text is walked once for all of them.
     */
    static int[] wordStarts(String text) {
        Positions starts = new Positions();
        for (int at = 0; at < text.length(); at++) {
            if (isAsciiAlnum(text.charAt(at)) && isWordStart(text, at)) {
                starts.add(at);
            }
        }
        return starts.toArray();
    }

    /**
     * Whether {@code \\b} can hold before the word character at {@code at}: not after an ASCII letter, digit or
     * underscore (since JDK 19 {@code \\b} is ASCII like {@code \\w}: "PÉPIN" has a boundary before its second P).
     * The patterns starting with {@code \\b} and a letter or digit are tried only where this holds.
     */
    static boolean isWordStart(String text, int at) {
        char previous = at > 0 ? text.charAt(at - 1) : ' ';
        return !isAsciiAlnum(previous) && previous != '_';
    }

    /** Where the run of ASCII letters starting at {@code at} ends. */
    static int letterRunEnd(String text, int at) {
        int end = at;
        while (end < text.length() && RegexText.isLetter(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** An ASCII letter or digit, {@code [A-Za-z0-9]}. */
    static boolean isAsciiAlnum(char c) {
        return RegexText.isLetter(c) || isDigit(c);
    }

    /**
     * Whether a digit or a number word ("seven", "oh", "double", "hundred") starts here. The patterns follow a
     * number word ({@code SpokenNumbers.WORD}) with a blank, so its letters are the whole run of letters.
     */
    static boolean startsNumber(String text, int at) {
        if (isDigit(text.charAt(at))) {
            return true;
        }
        int end = at;
        while (end < text.length() && end - at < 10 && RegexText.isLetter(text.charAt(end))) {
            end++;
        }
        return end > at && end - at < 10 && SpokenNumbers.isNumberWordAt(text, at, end);
    }

    /** Those of the ascending {@code starts} with one of the ascending {@code targets} in {@code (start, start + distance]}. */
    static int[] startsWithin(int[] starts, int[] targets, int distance) {
        Positions found = new Positions();
        int next = 0;
        for (int start : starts) {
            while (next < targets.length && targets[next] <= start) {
                next++;
            }
            if (next < targets.length && targets[next] <= start + distance) {
                found.add(start);
            }
        }
        return found.toArray();
    }

    /** Where {@code text[start, end)} ends without the full stops, commas, semicolons, colons, ?, ! and ) that close it. */
    static int trimEnd(String text, int start, int end) {
        int e = end;
        while (e > start && isClosingPunctuation(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** {@code . , ; : ! ? )}, what {@link #trimEnd} removes: a switch, asked often, rather than a search of a string. */
    private static boolean isClosingPunctuation(char c) {
        return switch (c) {
            case '.', ',', ';', ':', '!', '?', ')' -> true;
            default -> false;
        };
    }

    /**
     * Where {@code word} starts at or after {@code from} in any ASCII case (or a wider one), as the first position where
     * {@link String#regionMatches(boolean, int, String, int, int)} holds; the length if nowhere. Only the places where
     * the word's first letter stands in one of its forms are compared: those are found by {@link String#indexOf(int,
     * int)}, which scans far faster than a comparison at every character (the callers search whole turns).
     */
    static int indexOfIgnoreCase(String text, String word, int from) {
        int anchor = 0; // the word's first ASCII letter, or its first character if it has none
        while (anchor < word.length() - 1 && !RegexText.isLetter(word.charAt(anchor))) {
            anchor++;
        }
        char c = word.charAt(anchor);
        char[] forms = RegexText.isLetter(c) ? CASE_FORMS[(c | 0x20) - 'a'] : c < 128 ? new char[] {c} : null;
        if (forms == null) {
            return indexOfIgnoreCaseAnywhere(text, word, from);
        }
        int[] next = new int[forms.length]; // where each form occurs next, -1 once it occurs no more
        Arrays.fill(next, Integer.MIN_VALUE);
        for (int at = Math.max(0, from) + anchor; at + word.length() - anchor <= text.length(); at++) {
            int nearest = Integer.MAX_VALUE;
            for (int f = 0; f < forms.length; f++) {
                if (next[f] != -1 && next[f] < at) {
                    next[f] = text.indexOf(forms[f], at);
                }
                if (next[f] >= 0) {
                    nearest = Math.min(nearest, next[f]);
                }
            }
            if (nearest == Integer.MAX_VALUE || nearest + word.length() - anchor > text.length()) {
                return text.length();
            }
            at = nearest;
            if (text.regionMatches(true, at - anchor, word, 0, word.length())) {
                return at - anchor;
            }
        }
        return text.length();
    }

    /** The search above for a word whose first character is no ASCII one: compared at every position. */
    private static int indexOfIgnoreCaseAnywhere(String text, String word, int from) {
        for (int i = Math.max(0, from); i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return text.length();
    }

    /**
     * For each ASCII letter 'a' to 'z', the characters equal to it ignoring case as {@link String#regionMatches(boolean,
     * int, String, int, int)} compares them: its two cases and the few others the JDK folds to it (the Kelvin sign to
     * k, the dotted and dotless I to i, the long s to s). Found from the JDK's own comparison, over the characters
     * whose upper or lower case is ASCII.
     */
    private static final char[][] CASE_FORMS = new char[26][];

    static {
        StringBuilder[] others = new StringBuilder[26];
        for (int letter = 0; letter < 26; letter++) {
            others[letter] = new StringBuilder().append((char) ('a' + letter)).append((char) ('A' + letter));
        }
        for (int c = 128; c <= Character.MAX_VALUE; c++) {
            int upper = Character.toUpperCase(c);
            int lower = Character.toLowerCase(upper);
            for (int folded : new int[] {upper, lower, Character.toLowerCase(c)}) {
                if (folded < 128 && RegexText.isLetter((char) folded)) {
                    int letter = (folded | 0x20) - 'a';
                    String one = String.valueOf((char) c);
                    if (one.regionMatches(true, 0, String.valueOf((char) ('a' + letter)), 0, 1)
                            && others[letter].indexOf(one) < 0) {
                        others[letter].append((char) c);
                    }
                }
            }
        }
        for (int letter = 0; letter < 26; letter++) {
            CASE_FORMS[letter] = others[letter].toString().toCharArray();
        }
    }
}
