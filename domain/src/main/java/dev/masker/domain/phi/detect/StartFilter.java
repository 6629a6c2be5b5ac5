package dev.masker.domain.phi.detect;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the matches of a pattern in a text as successive {@link Matcher#find()} calls would, but attempts a match
 * only at the positions a cheap test allows: the test must hold wherever a match can start (a month's first three
 * letters, a digit). A region with transparent, non-anchoring bounds makes each attempt see the whole text, so
 * look-behinds, {@code \b} and {@code $} behave as in the plain search.
 */
final class StartFilter {
    private final Matcher matcher;
    private final IntPredicate mayStartAt;
    private final int length;
    private int from;

    StartFilter(Pattern pattern, String text, IntPredicate mayStartAt) {
        this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        this.mayStartAt = mayStartAt;
        this.length = text.length();
    }

    /** Moves to the next match, as {@code find()} does; the match is then read from {@link #matcher()}. */
    boolean find() {
        for (int at = from; at < length; at++) {
            if (mayStartAt.test(at)) {
                matcher.region(at, length);
                if (matcher.lookingAt()) {
                    from = matcher.end() > at ? matcher.end() : at + 1;
                    return true;
                }
            }
        }
        from = length;
        return false;
    }

    /** The matcher holding the last match; its positions are positions in the whole text. */
    Matcher matcher() {
        return matcher;
    }
}
