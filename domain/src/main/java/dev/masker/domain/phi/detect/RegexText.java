package dev.masker.domain.phi.detect;

/**
 * Character tests as Java's regexes make them without UNICODE_CHARACTER_CLASS and UNICODE_CASE, for the hand-written
 * matchers that replace patterns: {@code \w}, {@code \s}, {@code \b}, and case folding of ASCII letters only.
 */
final class RegexText {
    private RegexText() {}

    static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** {@code \w}: an ASCII letter or digit, or an underscore. */
    static boolean isWordChar(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * {@code \s}: a space, tab, line feed, vertical tab, form feed or carriage return. The last five are U+0009 to
     * U+000D, so most characters (above the space) are told by the first comparison.
     */
    static boolean isBlank(char c) {
        return c <= ' ' && (c == ' ' || c >= '\t' && c <= '\r');
    }

    /**
     * Whether {@code text} holds the lower-case ASCII {@code phrase} at {@code start}, its letters in either ASCII case
     * and every other character exactly, as a case-insensitive regex without UNICODE_CASE compares them (no other
     * character folds to an ASCII letter there, unlike in {@link String#regionMatches(boolean, int, String, int, int)}).
     */
    static boolean regionMatchesIgnoringCase(String text, int start, String phrase) {
        if (start < 0 || start + phrase.length() > text.length()) {
            return false;
        }
        for (int i = phrase.length() - 1; i >= 0; i--) {
            char wanted = phrase.charAt(i);
            char c = text.charAt(start + i);
            if (c != wanted && !(wanted >= 'a' && wanted <= 'z' && (c | 0x20) == wanted)) {
                return false;
            }
        }
        return true;
    }

    /** The length of the line terminator ending {@code text[from, to)}, as {@code $} knows them ("\r\n" is one); 0 if none. */
    static int finalLineTerminator(String text, int from, int to) {
        if (to - 2 >= from && text.charAt(to - 2) == '\r' && text.charAt(to - 1) == '\n') {
            return 2;
        }
        if (to - 1 < from) {
            return 0;
        }
        char last = text.charAt(to - 1);
        return last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029' ? 1 : 0;
    }

    /**
     * Whether {@code \b} holds at {@code at} in {@code text[from, to)} searched with transparent bounds over that
     * region alone (a copy of it): a word character on one side only. For {@code \b}, a word character is
     * {@code \w} or a non-spacing mark after a letter or digit (through other marks), as {@code java.util.regex} decides.
     */
    static boolean isBoundary(String text, int at, int from, int to) {
        boolean left = at > from && isWordBefore(text, at, from, to);
        boolean right = at < to && isWordAt(text, at, from, to);
        return left != right;
    }

    private static boolean isWordBefore(String text, int at, int from, int to) {
        char c = text.charAt(at - 1);
        if (c < 128) {
            return isWordChar(c);
        }
        int point = Character.isLowSurrogate(c) && at - 2 >= from && Character.isHighSurrogate(text.charAt(at - 2))
                ? Character.toCodePoint(text.charAt(at - 2), c)
                : c;
        return Character.getType(point) == Character.NON_SPACING_MARK && hasBaseCharacter(text, at - 1, from, to);
    }

    private static boolean isWordAt(String text, int at, int from, int to) {
        char c = text.charAt(at);
        if (c < 128) {
            return isWordChar(c);
        }
        return Character.getType(codePointAt(text, at, to)) == Character.NON_SPACING_MARK
                && hasBaseCharacter(text, at, from, to);
    }

    /** The code point at {@code at} of {@code text[.., to)}: a surrogate pair only when both halves are before {@code to}. */
    private static int codePointAt(String text, int at, int to) {
        char c = text.charAt(at);
        return Character.isHighSurrogate(c) && at + 1 < to && Character.isLowSurrogate(text.charAt(at + 1))
                ? Character.toCodePoint(c, text.charAt(at + 1))
                : c;
    }

    /** Whether the marks from {@code at} backwards rest on a letter or digit, within {@code text[from, to)}. */
    private static boolean hasBaseCharacter(String text, int at, int from, int to) {
        for (int x = at; x >= from; x--) {
            int c = codePointAt(text, x, to);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }
}
