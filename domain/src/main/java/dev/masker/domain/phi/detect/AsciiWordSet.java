package dev.masker.domain.phi.detect;

import java.util.Collection;
import java.util.Set;

/**
 * A set of lower-case words asked about a region of a text without copying it: for a region of ASCII letters,
 * comparing it with the words of its length ignoring case is what lower-casing a copy and looking it up tells.
 */
final class AsciiWordSet {
    /** The words by length, then by first letter ('a' to 'z'); index 26 holds those not starting with one. */
    private final String[][][] byLengthAndFirst;

    AsciiWordSet(Collection<String> words) {
        Set<String> distinct = Set.copyOf(words);
        int longest = distinct.stream().mapToInt(String::length).max().orElse(0);
        this.byLengthAndFirst = new String[longest + 1][27][];
        for (int length = 0; length <= longest; length++) {
            for (int first = 0; first <= 26; first++) {
                int n = length;
                int letter = first;
                byLengthAndFirst[length][first] =
                        distinct.stream().filter(w -> w.length() == n && firstLetter(w) == letter).toArray(String[]::new);
            }
        }
    }

    private static int firstLetter(String word) {
        char c = word.isEmpty() ? ' ' : word.charAt(0);
        return c >= 'a' && c <= 'z' ? c - 'a' : 26;
    }

    /**
     * Whether {@code text[start, end)}, which must hold ASCII letters only, is one of the words in any ASCII case. Only
     * the words of its length and its first letter are compared (and any not starting with a lower-case letter).
     */
    boolean containsLetters(String text, int start, int end) {
        return find(text, start, end) != null;
    }

    /**
     * The word of the set that {@code text[start, end)}, ASCII letters only, is in any ASCII case, or {@code null}: the
     * set's own lower-case copy, so a caller that needs the word as a string makes none.
     */
    String find(String text, int start, int end) {
        int length = end - start;
        if (length >= byLengthAndFirst.length) {
            return null;
        }
        String[][] byFirst = byLengthAndFirst[length];
        if (length > 0) {
            int first = (text.charAt(start) | 0x20) - 'a';
            String found = first >= 0 && first < 26 ? matching(byFirst[first], text, start, length) : null;
            if (found != null) {
                return found;
            }
        }
        return matching(byFirst[26], text, start, length);
    }

    private static String matching(String[] words, String text, int start, int length) {
        for (String word : words) {
            if (sameLetters(word, text, start, length)) {
                return word;
            }
        }
        return null;
    }

    /**
     * Whether the region, ASCII letters, is the lower-case word in any case: setting the case bit of an ASCII letter
     * gives its lower case, and no letter becomes a word's non-letter ("b-day") that way.
     */
    private static boolean sameLetters(String word, String text, int start, int length) {
        for (int i = 0; i < length; i++) {
            if ((text.charAt(start + i) | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
