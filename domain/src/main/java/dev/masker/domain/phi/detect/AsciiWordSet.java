package dev.masker.domain.phi.detect;

import java.util.Collection;
import java.util.Set;

/**
 * A set of lower-case words asked about a region of a text without copying it: for a region of ASCII letters,
 * comparing it with the words of its length ignoring case is what lower-casing a copy and looking it up tells.
 * The words are in a hash table keyed by {@link String#hashCode()}; the region's hash is computed the same way from its
 * characters with the ASCII case bit set, so a lookup compares only the few words of that hash (the gazetteer's first
 * words are thousands, and a scan of those of one length and first letter was a hot spot).
 * <p>
 * The name lists are asked about nearly every word of a turn, and their tables (100,000 words and more) do not stay in
 * the processor's caches: the cost of a lookup is the memory it reads. So each slot of the table is one {@code long}
 * holding the word's hash, length and place in one array of all the words' characters: a lookup that finds nothing
 * reads one slot (or a few), one that finds a word reads its characters besides, and no string object is read.
 */
final class AsciiWordSet {
    /**
     * Open addressing, linear probing, a power of two at least twice the number of words: per slot, 0 when empty, else
     * the word's hash in the high 32 bits, then its offset in {@link #letters} ({@link #OFFSET_BITS}) and its length
     * ({@link #LENGTH_BITS}). A slot of a word is never 0, since the empty word is kept apart.
     */
    private final long[] slots;
    /** The words' characters, one word after another. */
    private final char[] letters;
    /** The words themselves, by slot, for {@link #find}. */
    private final String[] words;

    private final boolean hasEmptyWord;
    private final int mask;
    private final int longest;
    /**
     * One bit for each length, first letter and last letter that a word has ({@link #edgeBit}): most regions asked
     * (the common words of speech) fail this and are never hashed.
     */
    private final long[] edges;
    /** The first characters of the words, bits as {@link #bucket} numbers them. */
    private final int firstBuckets;

    private static final int LENGTH_BITS = 10;
    private static final int OFFSET_BITS = 22;
    private static final long LENGTH_MASK = (1L << LENGTH_BITS) - 1;
    private static final long HASH_MASK = -1L << 32;

    AsciiWordSet(Collection<String> words) {
        Set<String> distinct = Set.copyOf(words);
        int size = Integer.highestOneBit(Math.max(1, distinct.size()) * 2) * 2;
        this.slots = new long[size];
        this.words = new String[size];
        this.mask = size - 1;
        int max = distinct.stream().mapToInt(String::length).max().orElse(0);
        int total = distinct.stream().mapToInt(String::length).sum();
        if (max > LENGTH_MASK || total >= 1 << OFFSET_BITS) {
            throw new IllegalArgumentException("words too long or too many for a word set");
        }
        this.letters = new char[total];
        int offset = 0;
        int first = 0;
        this.edges = new long[((max + 1) * 27 * 27 >> 6) + 1];
        for (String word : distinct) {
            if (word.isEmpty()) {
                continue;
            }
            int slot = spread(word.hashCode()) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            word.getChars(0, word.length(), letters, offset);
            slots[slot] = (long) word.hashCode() << 32 | (long) offset << LENGTH_BITS | word.length();
            this.words[slot] = word;
            offset += word.length();
            int bit = edgeBit(word.length(), word.charAt(0), word.charAt(word.length() - 1));
            edges[bit >> 6] |= 1L << bit;
            first |= 1 << bucket(word.charAt(0));
        }
        this.hasEmptyWord = distinct.contains("");
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
        return slotOf(text, start, end) != -1;
    }

    /**
     * The word of the set that {@code text[start, end)}, ASCII letters only, is in any ASCII case, or {@code null}: the
     * set's own lower-case copy, so a caller that needs the word as a string makes none. At most one word matches, since
     * each character of the region is compared as one lower-case character.
     */
    String find(String text, int start, int end) {
        int slot = slotOf(text, start, end);
        return slot >= 0 ? words[slot] : slot == EMPTY_WORD ? "" : null;
    }

    /** What {@link #slotOf} gives for the empty region when the set holds the empty word. */
    private static final int EMPTY_WORD = -2;

    /** The slot of the word the region is, -1 if none ({@link #EMPTY_WORD} for the empty word). */
    private int slotOf(String text, int start, int end) {
        int length = end - start;
        if (length > longest) {
            return -1;
        }
        if (length == 0) {
            return hasEmptyWord ? EMPTY_WORD : -1;
        }
        // A word matches only if its first and last characters are the region's, lower-cased as compared below.
        int bit = edgeBit(length, text.charAt(start) | 0x20, text.charAt(end - 1) | 0x20);
        if ((edges[bit >> 6] & 1L << bit) == 0) {
            return -1;
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + (text.charAt(i) | 0x20);
        }
        long key = (long) hash << 32;
        for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if ((entry & HASH_MASK) == key
                    && (entry & LENGTH_MASK) == length
                    && sameLetters((int) (entry >>> LENGTH_BITS & ((1L << OFFSET_BITS) - 1)), text, start, length)) {
                return slot;
            }
        }
        return -1;
    }

    /**
     * Whether the region, ASCII letters, is the lower-case word in any case: setting the case bit of an ASCII letter
     * gives its lower case, and no letter becomes a word's non-letter ("b-day") that way.
     */
    private boolean sameLetters(int offset, String text, int start, int length) {
        for (int i = 0; i < length; i++) {
            if ((text.charAt(start + i) | 0x20) != letters[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
