package dev.masker.domain.phi.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the matches of a pattern in a text as successive {@link Matcher#find()} calls would, but attempts a match
 * only at the positions a cheap test allows: the test must hold wherever a match can start (a month's first three
 * letters, a digit). A region with transparent, non-anchoring bounds makes each attempt see the whole text, so
 * look-behinds, {@code \b} and {@code $} behave as in the plain search.
 */
final class StartFilter {
    private final Pattern pattern;
    /** Made at the first position that passes the tests: most searches of a short turn have none. */
    private Matcher matcher;

    private final String text;
    private final FirstChars firstChars;
    private final int[] starts;
    private final IntPredicate mayStartAt;
    private final int length;
    private int from;
    private int next;

    /** Tries every position whose character is among {@code firstChars} and where {@code mayStartAt} holds. */
    StartFilter(Pattern pattern, String text, FirstChars firstChars, IntPredicate mayStartAt) {
        this(pattern, text, null, firstChars, mayStartAt);
    }

    /** Tries the given ascending positions, every one a place where a match can start, whose character passes. */
    StartFilter(Pattern pattern, String text, int[] starts, FirstChars firstChars) {
        this(pattern, text, starts, firstChars, at -> true);
    }

    /** Tries only the given ascending positions (word starts, say) where both tests also hold. */
    StartFilter(Pattern pattern, String text, int[] starts, FirstChars firstChars, IntPredicate mayStartAt) {
        this.pattern = pattern;
        this.text = text;
        this.firstChars = firstChars;
        this.starts = starts;
        this.mayStartAt = mayStartAt;
        this.length = text.length();
    }

    /** Moves to the next match, as {@code find()} does; the match is then read from {@link #matcher()}. */
    boolean find() {
        if (starts == null) {
            for (int at = from; at < length; at++) {
                // The character test is a table look-up in this loop; the predicate, a call that differs per
                // pattern, runs only where it passes.
                if ((at == 0 || firstChars.contains(text.charAt(at))) && matchesAt(at)) {
                    return true;
                }
            }
            from = length;
            return false;
        }
        while (next < starts.length) {
            int at = starts[next++];
            if (at >= from && (at == 0 || firstChars.contains(text.charAt(at))) && matchesAt(at)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(int at) {
        if (!mayStartAt.test(at)) {
            return false;
        }
        if (matcher == null) {
            matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }
        matcher.region(at, length);
        if (!matcher.lookingAt()) {
            return false;
        }
        from = matcher.end() > at ? matcher.end() : at + 1;
        return true;
    }

    /** All the matches {@code find()} would give, in order. */
    static List<MatchResult> all(Pattern pattern, String text, FirstChars firstChars, IntPredicate mayStartAt) {
        return all(pattern, text, null, firstChars, mayStartAt);
    }

    /**
     * All the matches {@code find()} would give, in order, trying only the given ascending positions: a list that holds
     * every place where a match can start, found without a further test.
     */
    static List<MatchResult> all(Pattern pattern, String text, int[] starts, FirstChars firstChars) {
        return all(pattern, text, starts, firstChars, at -> true);
    }

    /** All the matches {@code find()} would give, in order, trying only the given ascending positions. */
    static List<MatchResult> all(
            Pattern pattern, String text, int[] starts, FirstChars firstChars, IntPredicate mayStartAt) {
        StartFilter search = new StartFilter(pattern, text, starts, firstChars, mayStartAt);
        List<MatchResult> found = new ArrayList<>();
        while (search.find()) {
            found.add(search.matcher.toMatchResult());
        }
        return found;
    }

    /**
     * A start test for positions asked in ascending order: whether the characters from {@code at} on are all
     * {@code allowed} up to a {@code target} ("local part" up to the {@code @}).
     */
    static IntPredicate runReaches(String text, char target, IntPredicate allowed) {
        int[] next = {-1, -1}; // the next target, and where the run of allowed characters before it starts
        return at -> {
            if (next[0] < at) {
                int found = text.indexOf(target, at);
                next[0] = found < 0 ? text.length() : found;
                int start = next[0];
                while (start > 0 && allowed.test(text.charAt(start - 1))) {
                    start--;
                }
                next[1] = start;
            }
            return next[0] < text.length() && next[1] <= at;
        };
    }

    /**
     * The positions where {@link #runReaches} with the same arguments holds, ascending: each {@code target} and the run
     * of {@code allowed} characters before it. Handed to a search as its starts, the predicate runs only there.
     */
    static int[] runsUpTo(String text, char target, IntPredicate allowed) {
        Positions positions = new Positions();
        for (int t = text.indexOf(target); t >= 0; t = text.indexOf(target, t + 1)) {
            addRunUpTo(positions, text, t, allowed);
        }
        return positions.toArray();
    }

    /** The same for the given ascending {@code targets}: each one and the run of {@code allowed} characters before it. */
    static int[] runsUpTo(String text, int[] targets, IntPredicate allowed) {
        Positions positions = new Positions();
        for (int t : targets) {
            addRunUpTo(positions, text, t, allowed);
        }
        return positions.toArray();
    }

    private static void addRunUpTo(Positions positions, String text, int target, IntPredicate allowed) {
        int start = target;
        while (start > 0 && allowed.test(text.charAt(start - 1))) {
            start--;
        }
        positions.addRange(start, target + 1);
    }

    /** The positions with {@code target} among the {@code span} characters after them, ascending. */
    static int[] before(String text, char target, int span) {
        Positions positions = new Positions();
        for (int t = text.indexOf(target); t >= 0; t = text.indexOf(target, t + 1)) {
            positions.addRange(t - span, t);
        }
        return positions.toArray();
    }

    /** The matcher holding the last match, once {@link #find()} has found one; its positions are in the whole text. */
    Matcher matcher() {
        return matcher;
    }

    /**
     * The characters a match can start with, a necessary condition tested before the start predicate. Position 0 is
     * always handed to the predicate, since a {@code ^} can match there whatever the character.
     */
    static final class FirstChars {
        private final boolean[] ascii = new boolean[128];
        private final boolean other;

        private FirstChars(String asciiChars, boolean other) {
            for (int i = 0; i < asciiChars.length(); i++) {
                ascii[asciiChars.charAt(i)] = true;
            }
            this.other = other;
        }

        /** The given ASCII characters, and every character from U+0080 on when {@code other} is set. */
        static FirstChars of(String asciiChars, boolean other) {
            return new FirstChars(asciiChars, other);
        }

        boolean contains(char c) {
            return c < 128 ? ascii[c] : other;
        }
    }
}
