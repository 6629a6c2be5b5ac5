package dev.masker.domain.phi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Puts the current session's originals back into a whole text: every {@link PhiToken#SHAPE} match whose original the
 * session's {@link TokenLookup} provides is replaced by that original; every other match (another session's token, a
 * forged one, one with an unknown kind) is left as it is and reported as a {@link LeakFinding}.
 *
 * <p>{@link StreamingRehydrator} does the same for text that arrives in chunks, with the same result.
 */
public final class Rehydrator {
    /**
     * The longest text {@link PhiToken#SHAPE} can match: {@code MSKV1} . 11-letter kind . {@code K_} + 30 . 1024 base32
     * characters. A streaming rehydrator never holds back more than this.
     */
    public static final int MAX_TOKEN_LENGTH = 5 + 1 + 11 + 1 + 32 + 1 + 1024;

    private final TokenLookup lookup;

    public Rehydrator(TokenLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** The text with the session's tokens put back, and a finding for each token it left. */
    public Rehydration rehydrate(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length());
        List<LeakFinding> findings = new ArrayList<>();
        int restored = appendRehydrated(PhiToken.SHAPE.matcher(text), text, 0, text.length(), out, lookup, findings);
        return new Rehydration(out.toString(), restored, findings);
    }

    /**
     * Appends {@code text[from, to)} to {@code out} with tokens replaced; the matcher is already reset on {@code text} (its
     * bounds say whether the characters around the range count for {@code \b}). Returns how many tokens were put back.
     */
    static int appendRehydrated(
            Matcher matcher,
            CharSequence text,
            int from,
            int to,
            StringBuilder out,
            TokenLookup lookup,
            List<LeakFinding> findings) {
        matcher.region(from, to);
        int copied = from;
        int restored = 0;
        while (matcher.find()) {
            Optional<PhiToken> token = PhiToken.of(matcher);
            if (token.isEmpty()) {
                // SHAPE only matches the two scheme names, so the scheme always parses; the kind field did not.
                findings.add(LeakFinding.unknownKind(
                        TokenScheme.parse(matcher.group(1)).orElseThrow()));
                continue;
            }
            Optional<String> original = lookup.originalOf(token.get());
            if (original.isEmpty()) {
                findings.add(LeakFinding.foreignOrForged(
                        token.get().scheme(), token.get().kind()));
                continue;
            }
            out.append(text, copied, matcher.start()).append(original.get());
            copied = matcher.end();
            restored++;
        }
        out.append(text, copied, to);
        return restored;
    }
}
