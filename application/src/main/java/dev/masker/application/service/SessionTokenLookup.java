package dev.masker.application.service;

import dev.masker.application.port.out.KeepVaultEntriesPort;
import dev.masker.application.port.out.ReversibleTokenPort;
import dev.masker.domain.phi.TokenLookup;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.session.SessionId;
import java.util.Objects;

/**
 * Opens a session's tokens for a rehydrator: MSKV1 from the session's vault entries, opened for that session only with
 * the domain's {@link VaultTokens}; MSK1 through the reversible-token port, whose tokens open only for the session that
 * made them. A token of another session, or a forged one, is not found.
 */
public final class SessionTokenLookup {
    private final VaultTokens vaultTokens;
    private final KeepVaultEntriesPort vault;
    private final ReversibleTokenPort reversible;

    public SessionTokenLookup(VaultTokens vaultTokens, KeepVaultEntriesPort vault, ReversibleTokenPort reversible) {
        this.vaultTokens = Objects.requireNonNull(vaultTokens, "vaultTokens");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.reversible = Objects.requireNonNull(reversible, "reversible");
    }

    /**
     * What opens the session's tokens and nothing of another session's. Looking a token up may reach the vault, and then
     * throws {@link dev.masker.domain.error.DomainException} with {@code unavailable} when the vault cannot be reached.
     */
    public TokenLookup forSession(SessionId session) {
        Objects.requireNonNull(session, "session");
        return token -> switch (token.scheme()) {
            case MSK1 -> reversible.open(session, token);
            case MSKV1 -> vault.find(session, token).flatMap(entry -> vaultTokens.open(session, token, entry.sealed()));
        };
    }
}
