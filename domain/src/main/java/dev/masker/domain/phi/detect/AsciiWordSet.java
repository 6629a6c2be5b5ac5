package dev.masker.domain.phi.detect;

import java.util.Collection;
import java.util.Set;

/**
 * A set of lower-case words asked about a region of a text without copying it: for a region of ASCII letters,
 * comparing it with the words of its length ignoring case is what lower-casing a copy and looking it up tells.
 */
final class AsciiWordSet {
    private final String[][] byLength;

    AsciiWordSet(Collection<String> words) {
        Set<String> distinct = Set.copyOf(words);
        int longest = distinct.stream().mapToInt(String::length).max().orElse(0);
        this.byLength = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int n = length;
            byLength[length] = distinct.stream().filter(w -> w.length() == n).toArray(String[]::new);
        }
    }

    /** Whether {@code text[start, end)}, which must hold ASCII letters only, is one of the words in any ASCII case. */
    boolean containsLetters(String text, int start, int end) {
        int length = end - start;
        if (length >= byLength.length) {
            return false;
        }
        for (String word : byLength[length]) {
            if (text.regionMatches(true, start, word, 0, length)) {
                return true;
            }
        }
        return false;
    }
}
