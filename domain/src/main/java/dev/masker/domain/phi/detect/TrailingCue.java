package dev.masker.domain.phi.detect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cue that must end the text just before a candidate ("name is", "my wife", "dr."), tested on a window of that text.
 * The regex is the rule; the words its alternatives can end with are a cheap necessary condition checked first, so
 * the regex runs only on the few windows whose last word could be a cue — without that, every word of a turn paid a
 * regex search over the forty characters before it.
 */
final class TrailingCue {
    private final Pattern pattern;
    private final Set<String> lastWords;
    private final int slack;

    /**
     * @param pattern   the cue, anchored at the end of the window with {@code $}
     * @param lastWords every ASCII-letter run, lower case, that an alternative of the pattern can end with
     * @param slack     the most characters that are no ASCII word characters the pattern lets follow that run
     *                  (its own punctuation, {@code \W{0,3}}, and a final line terminator before {@code $})
     */
    TrailingCue(Pattern pattern, Set<String> lastWords, int slack) {
        this.pattern = pattern;
        this.lastWords = Set.copyOf(lastWords);
        this.slack = slack;
    }

    /** Whether the pattern is found in {@code text[from, to)}, exactly as a search of that substring would. */
    boolean endsWindow(String text, int from, int to) {
        return mayEndWindow(text, from, to) && pattern.matcher(text.substring(from, to)).find();
    }

    private boolean mayEndWindow(String text, int from, int to) {
        int end = to;
        while (end > from && !isAsciiWordChar(text.charAt(end - 1))) {
            end--;
        }
        if (to - end > slack) {
            return false;
        }
        int start = end;
        while (start > from && isAsciiLetter(text.charAt(start - 1))) {
            start--;
        }
        return start < end && lastWords.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
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
