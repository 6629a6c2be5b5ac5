package dev.masker.application.port.in;

import dev.masker.domain.phi.TokenLookup;

/** Opens a session's tokens for a rehydrator of the caller's own (a streamed answer). */
public interface FindSessionTokensUseCase {
    /**
     * What opens the session's tokens: its own vault entries and reversible tokens, nothing of another session's.
     * Looking a token up may reach the vault, and then throws {@link dev.masker.domain.error.DomainException} with
     * {@code unavailable} when the vault cannot be reached.
     */
    TokenLookup tokensOf(SessionTokensQuery query);
}
