package dev.masker.domain.phi;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-in for one PHI value in text sent upstream: {@code {scheme}.{kind}.{kid}.{value}}, e.g.
 * {@code MSKV1.PHONE.K_HEALTHCARE.MFRGGZDFMZTWQ2LK}, the value in unpadded upper-case RFC 4648 base32.
 */
public record PhiToken(TokenScheme scheme, PhiKind kind, Kid kid, String value) {
    /** The whole token's shape; {@link #find} uses it to spot tokens in free text. */
    public static final Pattern SHAPE =
            Pattern.compile("\\b(MSKV1|MSK1)\\.([A-Z_]{2,11})\\.(K_[A-Z0-9]{1,30})\\.([A-Z2-7]{16,1024})\\b");

    public PhiToken {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(value, "value");
        if (!isBase32Value(value)) {
            throw new IllegalArgumentException("a token value is 16 to 1024 base32 characters");
        }
    }

    /** Whether the value is 16 to 1024 characters of {@code [A-Z2-7]}, told by a loop: it runs for every token made. */
    private static boolean isBase32Value(String value) {
        if (value.length() < 16 || value.length() > 1024) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '2' && c <= '7')) {
                return false;
            }
        }
        return true;
    }

    /** The token as it is written in text. */
    public String text() {
        return scheme.name() + "." + kind.name() + "." + kid.value() + "." + value;
    }

    /** The token the whole text is, or empty when the text is not exactly one well-formed token. */
    public static Optional<PhiToken> parse(String text) {
        Matcher matcher = SHAPE.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return of(matcher);
    }

    /** The token a {@link #SHAPE} match found, or empty when its kind is not one Masker knows. */
    public static Optional<PhiToken> of(Matcher match) {
        Optional<TokenScheme> scheme = TokenScheme.parse(match.group(1));
        Optional<PhiKind> kind = PhiKind.parse(match.group(2));
        if (scheme.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PhiToken(scheme.get(), kind.get(), new Kid(match.group(3)), match.group(4)));
    }

    @Override
    public String toString() {
        return text();
    }
}
