package dev.masker.domain.phi.detect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cue that must end the text just before a candidate ("name is", "my wife", "dr."), tested on a window of that text.
 * The regex is the rule; two cheap steps keep it from running over every window. First the word ending the window is
 * looked up among the words the pattern's alternatives can end with, a necessary condition. Then the pattern is tried
 * only where an alternative can start, at the ASCII word starts of the window's last {@link #LONGEST} characters: each
 * alternative opens with {@code \b} and a letter, and no match of a cue is longer than that.
 */
final class TrailingCue {
    /** More than the longest match of any cue: "grandmother on file:" and three more characters. */
    private static final int LONGEST = 32;
    /** The most characters that are no ASCII word characters a cue lets follow its last word. */
    private static final int SLACK = 6;

    private final Pattern pattern;
    private final Set<String> lastWords;
    /** The same, asked about a region, for {@link #mayEndWindow}. */
    private final AsciiWordSet lastWordsInPlace;

    /**
     * @param pattern   the cue, anchored at the end of the window with {@code $}: alternatives that open with {@code \b}
     *                  and a letter, then their own punctuation, {@code \W{0,3}} and nothing else
     * @param lastWords every ASCII-letter run, lower case, that an alternative of the pattern can end with
     */
    TrailingCue(Pattern pattern, Set<String> lastWords) {
        this.pattern = pattern;
        this.lastWords = Set.copyOf(lastWords);
        this.lastWordsInPlace = new AsciiWordSet(lastWords);
    }

    /**
     * Whether the window's {@link #lastWord} is one this cue can end with, told in place: a necessary condition for
     * {@link #endsWindow}, for callers that would otherwise copy the word only to find it is none of them.
     */
    boolean mayEndWindow(String text, int from, int to) {
        int end = to;
        while (end > from && !isAsciiWordChar(text.charAt(end - 1))) {
            end--;
        }
        if (to - end > SLACK) {
            return lastWords.contains("");
        }
        int start = end;
        while (start > from && isAsciiLetter(text.charAt(start - 1))) {
            start--;
        }
        return lastWordsInPlace.containsLetters(text, start, end);
    }

    /**
     * The run of ASCII letters, lower case, that ends {@code text[from, to)} but for at most {@link #SLACK} other
     * characters; empty if there is none. Every cue checks the same word, so a caller asking several finds it once.
     */
    static String lastWord(String text, int from, int to) {
        int end = to;
        while (end > from && !isAsciiWordChar(text.charAt(end - 1))) {
            end--;
        }
        if (to - end > SLACK) {
            return "";
        }
        int start = end;
        while (start > from && isAsciiLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** Whether the pattern is found in {@code text[from, to)}, exactly as a search of that substring would. */
    boolean endsWindow(String text, int from, int to) {
        return mayEndWindow(text, from, to) && endsWindow(text, from, to, lastWord(text, from, to));
    }

    /** The same, given the window's {@link #lastWord}. */
    boolean endsWindow(String text, int from, int to, String lastWord) {
        if (!lastWords.contains(lastWord)) {
            return false;
        }
        String window = text.substring(from, to);
        Matcher matcher = pattern.matcher(window).useTransparentBounds(true);
        for (int at = Math.max(0, window.length() - LONGEST); at < window.length(); at++) {
            if (isAsciiLetter(window.charAt(at)) && (at == 0 || !isAsciiWordChar(window.charAt(at - 1)))) {
                matcher.region(at, window.length());
                if (matcher.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The words of a regex alternation written as {@code (?:a|b|c)}, for building the sets of last words. */
    static Set<String> alternatives(String alternation) {
        return Set.of(alternation.substring(3, alternation.length() - 1).split("\\|"));
    }

    private static boolean isAsciiWordChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
