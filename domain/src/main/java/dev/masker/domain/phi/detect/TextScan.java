package dev.masker.domain.phi.detect;

import java.util.Arrays;
import java.util.Set;

/**
 * Scanning of text shared by the recognizers: where ASCII words start, runs of letters and blanks, the trimming of
 * trailing punctuation, the start tests patterns are tried at, and patterns made into full-match tests.
 */
final class TextScan {
    private TextScan() {
    }

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

    /** Where {@code word} starts at or after {@code from} in any ASCII case (or a wider one); the length if nowhere. */
    static int indexOfIgnoreCase(String text, String word, int from) {
        char first = word.charAt(0);
        if (!RegexText.isLetter(first) && first < 128) {
            // Only the character itself equals an ASCII non-letter ignoring case: String.indexOf finds the candidates.
            for (int i = text.indexOf(first, Math.max(0, from)); i >= 0 && i + word.length() <= text.length();
                    i = text.indexOf(first, i + 1)) {
                if ((word.length() < 2 || mayEqualIgnoringCase(text.charAt(i + 1), word.charAt(1)))
                        && text.regionMatches(true, i, word, 0, word.length())) {
                    return i;
                }
            }
            return text.length();
        }
        for (int i = Math.max(0, from); i + word.length() <= text.length(); i++) {
            if (mayEqualIgnoringCase(text.charAt(i), first) && text.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Whether {@code c} can equal {@code wanted} ignoring case as regionMatches compares them: only {@code wanted}
     * itself, its other ASCII case, or a character from U+0080 on (the Kelvin sign is a k there).
     */
    private static boolean mayEqualIgnoringCase(char c, char wanted) {
        return c == wanted || c >= 128 || RegexText.isLetter(wanted) && (c | 0x20) == (wanted | 0x20);
    }
}
