package dev.masker.domain.phi.detect;

import java.util.Arrays;

/** A growing list of positions in a text: the places a search is handed to try, or a recognizer's landmarks. */
final class Positions {
    private int[] values = new int[16];
    private int count;

    /** Adds one position. */
    void add(int position) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = position;
    }

    /**
     * Adds the positions {@code [from, to)}, for ranges added in ascending order: the part of a range that overlaps the
     * last position added is skipped, so the list stays ascending and distinct.
     */
    void addRange(int from, int to) {
        for (int at = Math.max(from, count == 0 ? 0 : values[count - 1] + 1); at < to; at++) {
            add(at);
        }
    }

    /** Adds {@code from, from + 1, ..., to - 1}, each of them whatever was added before. */
    void addSequence(int from, int to) {
        if (to <= from) {
            return;
        }
        if (count + (to - from) > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, count + (to - from)));
        }
        for (int at = from; at < to; at++) {
            values[count++] = at;
        }
    }

    /** How many positions there are. */
    int size() {
        return count;
    }

    /** The position at {@code index}. */
    int get(int index) {
        return values[index];
    }

    /** Replaces the position at {@code index}. */
    void set(int index, int position) {
        values[index] = position;
    }

    /** The positions in the order added. */
    int[] toArray() {
        return Arrays.copyOf(values, count);
    }

    /** The positions ascending, each once. */
    int[] toSortedDistinctArray() {
        int[] sorted = toArray();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || sorted[distinct - 1] != sorted[i]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }
}
