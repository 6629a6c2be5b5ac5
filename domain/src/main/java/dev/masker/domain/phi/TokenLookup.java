package dev.masker.domain.phi;

import java.util.Optional;

/**
 * The current session's memory of its own tokens: the original value a token stands for, or empty when this session did not
 * make the token (another session's token, a forged one, or one whose key or vault row is gone). The vault scheme and the
 * AEAD scheme each supply one; a lookup never throws for an unknown token.
 */
@FunctionalInterface
public interface TokenLookup {
    /** The original value behind the token, when the current session can provide it. */
    Optional<String> originalOf(PhiToken token);
}
