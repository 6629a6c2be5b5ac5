package dev.masker.domain.phi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Rehydrates text that arrives in chunks (an LLM's streamed deltas) and emits it as early as possible. It holds back only
 * a suffix that could still grow into a token, i.e. a suffix that is a prefix of some text {@link PhiToken#SHAPE} could match
 * from there (at most {@link Rehydrator#MAX_TOKEN_LENGTH} characters), plus a trailing high surrogate so that a code point
 * is never split across two emitted pieces. Whatever the chunking, the concatenated output and the findings equal those of
 * {@link Rehydrator#rehydrate} on the whole text.
 *
 * <p>One instance serves one stream and is not thread-safe. It keeps one buffer, one matcher and one findings list, so a
 * chunk costs no allocation of its own beyond the tokens it finds (their fields, the lookup, a finding).
 */
public final class StreamingRehydrator {
    private static final int MAX_KIND = 11;
    private static final int MAX_KID_TAIL = 30;
    private static final int MAX_VALUE = 1024;
    private static final int OPEN = -1;
    private static final int DEAD = -2;
    private static final boolean KIND = true;
    private static final boolean KID = false;

    private final TokenLookup lookup;
    // pending[0] stands in for everything already emitted (see contextFor); pending[1..] is the held-back text.
    private final StringBuilder pending = new StringBuilder(64);
    private final Matcher matcher = PhiToken.SHAPE.matcher("");
    private final List<LeakFinding> findings = new ArrayList<>();
    private int restored;
    private boolean finished;
    // When the held text is a token whose value has begun: where the value starts and how far it is known to be base32,
    // both as offsets from the held text's start, so the next chunk resumes there instead of rescanning the token.
    private int heldValueOffset;
    private int heldScannedOffset;

    public StreamingRehydrator(TokenLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        // Transparent bounds: \b at the edges of the emitted range sees the context character and the held-back text.
        matcher.useTransparentBounds(true);
        pending.append(contextFor(false, false));
    }

    /** Takes the next chunk and appends to {@code out} all the text that can no longer change. */
    public void accept(CharSequence chunk, StringBuilder out) {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(out, "out");
        if (finished) {
            throw new IllegalStateException("the stream is finished");
        }
        pending.append(chunk);
        emitUpTo(holdStart(), out);
    }

    /** Takes the next chunk and returns the text that can be emitted now, possibly empty. */
    public String accept(CharSequence chunk) {
        StringBuilder out = new StringBuilder(chunk.length() + 16);
        accept(chunk, out);
        return out.toString();
    }

    /** Ends the stream: appends everything still held back, rehydrated as the end of the text. */
    public void finish(StringBuilder out) {
        Objects.requireNonNull(out, "out");
        if (finished) {
            throw new IllegalStateException("the stream is finished");
        }
        emitUpTo(pending.length(), out);
        finished = true;
    }

    /** Ends the stream and returns everything still held back. */
    public String finish() {
        StringBuilder out = new StringBuilder(heldBack());
        finish(out);
        return out.toString();
    }

    /** How many characters are held back now, waiting for more text. */
    public int heldBack() {
        return pending.length() - 1;
    }

    /** How many tokens were put back so far. */
    public int restored() {
        return restored;
    }

    /** The tokens left in the text so far, in text order. */
    public List<LeakFinding> findings() {
        return List.copyOf(findings);
    }

    private void emitUpTo(int end, StringBuilder out) {
        if (end <= 1) {
            return;
        }
        if (indexOf(pending, 'M', 1, end) < 0) {
            // Every token starts with 'M': nothing to look up, copy straight through.
            out.append(pending, 1, end);
        } else {
            restored += Rehydrator.appendRehydrated(matcher.reset(pending), pending, 1, end, out, lookup, findings);
        }
        char context = contextFor(wordBefore(pending, end), hasBaseCharacter(pending, end - 1));
        pending.delete(0, end - 1);
        pending.setCharAt(0, context);
    }

    /** Where the held-back suffix starts: the first place a token could still begin, else the end of the text. */
    private int holdStart() {
        int length = pending.length();
        if (heldValueOffset > 0) {
            int valueStart = 1 + heldValueOffset;
            int at = valueEnd(pending, 1 + heldScannedOffset, valueStart, length);
            if (stillOpen(pending, at, valueStart, length)) {
                heldScannedOffset = at - 1;
                return 1;
            }
        }
        heldValueOffset = 0;
        for (int start = Math.max(1, length - Rehydrator.MAX_TOKEN_LENGTH); start < length; start++) {
            if (pending.charAt(start) != 'M' || wordBefore(pending, start)) {
                continue;
            }
            int valueStart = openValueStart(pending, start, length);
            if (valueStart == DEAD) {
                continue;
            }
            if (valueStart != OPEN) {
                heldValueOffset = valueStart - start;
                heldScannedOffset = valueEnd(pending, valueStart, valueStart, length) - start;
            }
            return start;
        }
        return Character.isHighSurrogate(pending.charAt(length - 1)) ? length - 1 : length;
    }

    /**
     * Whether {@code text[start, end)} is a prefix of some text the token shape matches at {@code start}, and more text
     * could still decide whether (and how far) it matches. The value may end anywhere after 16 characters, so a value run
     * reaching the end is always held; so is one followed by a lone high surrogate, since the code point it starts may be a
     * combining mark, which glues to the value for {@code \b}. Returns {@link #DEAD} when it is not, {@link #OPEN} when
     * it is and the text ends before the value, else the index where the value starts.
     */
    private static int openValueStart(CharSequence text, int start, int end) {
        int at = literal(text, start, end, "MSK");
        if (at >= 0 && at < end && text.charAt(at) == 'V') {
            at++;
        }
        at = at < 0 ? at : literal(text, at, end, "1.");
        at = at < 0 ? at : run(text, at, end, KIND, 2, MAX_KIND);
        at = at < 0 ? at : literal(text, at, end, "K_");
        at = at < 0 ? at : run(text, at, end, KID, 1, MAX_KID_TAIL);
        if (at < 0) {
            return at;
        }
        return stillOpen(text, valueEnd(text, at, at, end), at, end) ? at : DEAD;
    }

    /** The end of the base32 run from {@code from}, looking no further than one past the longest value. */
    private static int valueEnd(CharSequence text, int from, int valueStart, int end) {
        int at = from;
        while (at < end && at - valueStart <= MAX_VALUE && isBase32(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Whether a value running from {@code valueStart} to {@code at} may still grow or lose its {@code \b} with more text. */
    private static boolean stillOpen(CharSequence text, int at, int valueStart, int end) {
        if (at - valueStart > MAX_VALUE) {
            return false;
        }
        return at == end || at == end - 1 && Character.isHighSurrogate(text.charAt(at));
    }

    /** Reads {@code expected} at {@code at}: the index after it, {@link #OPEN} if the text ends first, else {@link #DEAD}. */
    private static int literal(CharSequence text, int at, int end, String expected) {
        int next = at;
        for (int i = 0; i < expected.length(); i++, next++) {
            if (next == end) {
                return OPEN;
            }
            if (text.charAt(next) != expected.charAt(i)) {
                return DEAD;
            }
        }
        return next;
    }

    /**
     * Reads {@code min} to {@code max} characters of a field and the {@code .} that closes it: the index after the dot,
     * {@link #OPEN} if the text ends inside, else {@link #DEAD}.
     */
    private static int run(CharSequence text, int at, int end, boolean kind, int min, int max) {
        int next = at;
        while (next < end
                && next - at <= max
                && (kind ? isKindChar(text.charAt(next)) : isKidChar(text.charAt(next)))) {
            next++;
        }
        if (next - at > max) {
            return DEAD;
        }
        if (next == end) {
            return OPEN;
        }
        return next - at >= min && text.charAt(next) == '.' ? next + 1 : DEAD;
    }

    private static boolean isKindChar(char c) {
        return c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isKidChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isBase32(char c) {
        return c >= 'A' && c <= 'Z' || c >= '2' && c <= '7';
    }

    /**
     * Whether a {@code \b} at {@code index} sees a word character before it, exactly as {@code java.util.regex} decides with
     * transparent bounds: an ASCII word character, or a non-spacing mark with a letter or digit as its base.
     */
    static boolean wordBefore(CharSequence text, int index) {
        if (index <= 0) {
            return false;
        }
        int c = Character.codePointBefore(text, index);
        return isAsciiWord(c)
                || Character.getType(c) == Character.NON_SPACING_MARK && hasBaseCharacter(text, index - 1);
    }

    /** {@code java.util.regex}'s look-back through non-spacing marks for a letter or digit, char by char as it does. */
    static boolean hasBaseCharacter(CharSequence text, int index) {
        for (int at = index; at >= 0; at--) {
            int c = Character.codePointAt(text, at);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }

    /**
     * One character that, put before the held-back text, makes {@code \b} decide as the emitted text did: whether the text
     * so far ends in a word character, and whether a look-back through marks from its end finds a letter or digit.
     */
    private static char contextFor(boolean word, boolean base) {
        if (word) {
            return base ? 'a' : '_';
        }
        return base ? '\u00e9' : ' ';
    }

    private static boolean isAsciiWord(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static int indexOf(CharSequence text, char wanted, int from, int to) {
        for (int at = from; at < to; at++) {
            if (text.charAt(at) == wanted) {
                return at;
            }
        }
        return -1;
    }
}
