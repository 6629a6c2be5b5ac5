package dev.masker.domain.phi.detect;

import java.util.Collection;
import java.util.Set;

/**
 * A set of lower-case words asked about a region of a text without copying it: for a region of ASCII letters,
 * comparing it with the words of its length ignoring case is what lower-casing a copy and looking it up tells.
 * The words are in a hash table keyed by {@link String#hashCode()}; the region's hash is computed the same way from its
 * characters with the ASCII case bit set, so a lookup compares only the few words of that hash (the gazetteer's first
 * words are thousands, and a scan of those of one length and first letter was a hot spot).
 */
final class AsciiWordSet {
    /** Open addressing, linear probing; a power of two at least twice the number of words. */
    private final String[] table;
    /** The hash of each word in {@link #table}, compared before the word itself is read. */
    private final int[] hashes;
    private final int mask;
    private final int longest;
    /**
     * One bit for each length, first letter and last letter that a word has ({@link #edgeBit}): most regions asked
     * (the common words of speech) fail this and are never hashed.
     */
    private final long[] edges;
    /** The first characters of the words, bits as {@link #bucket} numbers them. */
    private final int firstBuckets;

    AsciiWordSet(Collection<String> words) {
        Set<String> distinct = Set.copyOf(words);
        int size = Integer.highestOneBit(Math.max(1, distinct.size()) * 2) * 2;
        this.table = new String[size];
        this.hashes = new int[size];
        this.mask = size - 1;
        int max = distinct.stream().mapToInt(String::length).max().orElse(0);
        int first = 0;
        this.edges = new long[((max + 1) * 27 * 27 >> 6) + 1];
        for (String word : distinct) {
            int slot = spread(word.hashCode()) & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = word;
            hashes[slot] = word.hashCode();
            if (!word.isEmpty()) {
                int bit = edgeBit(word.length(), word.charAt(0), word.charAt(word.length() - 1));
                edges[bit >> 6] |= 1L << bit;
                first |= 1 << bucket(word.charAt(0));
            }
        }
        this.longest = max;
        this.firstBuckets = first;
    }

    /**
     * Whether a word of the set can start with {@code c} in any ASCII case: a test a caller makes before it measures
     * the word at a position and asks {@link #find}.
     */
    boolean mayStartWith(char c) {
        return (firstBuckets & 1 << bucket(c | 0x20)) != 0;
    }

    /** The bit of {@link #edges} for a word of this length and these first and last characters, lower case. */
    private static int edgeBit(int length, int first, int last) {
        return (length * 27 + bucket(first)) * 27 + bucket(last);
    }

    /** 0 to 25 for 'a' to 'z', 26 for any other character. */
    private static int bucket(int lower) {
        return lower >= 'a' && lower <= 'z' ? lower - 'a' : 26;
    }

    /** Mixes the high bits of the hash into the low ones the table's mask keeps. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /**
     * Whether {@code text[start, end)}, which must hold ASCII letters only, is one of the words in any ASCII case.
     */
    boolean containsLetters(String text, int start, int end) {
        return find(text, start, end) != null;
    }

    /**
     * The word of the set that {@code text[start, end)}, ASCII letters only, is in any ASCII case, or {@code null}: the
     * set's own lower-case copy, so a caller that needs the word as a string makes none. At most one word matches, since
     * each character of the region is compared as one lower-case character.
     */
    String find(String text, int start, int end) {
        int length = end - start;
        if (length > longest) {
            return null;
        }
        if (length > 0) {
            // A word matches only if its first and last characters are the region's, lower-cased as compared below.
            int bit = edgeBit(length, text.charAt(start) | 0x20, text.charAt(end - 1) | 0x20);
            if ((edges[bit >> 6] & 1L << bit) == 0) {
                return null;
            }
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + (text.charAt(i) | 0x20);
        }
        for (int slot = spread(hash) & mask; table[slot] != null; slot = (slot + 1) & mask) {
            String word = table[slot];
            if (hashes[slot] == hash && word.length() == length && sameLetters(word, text, start, length)) {
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
