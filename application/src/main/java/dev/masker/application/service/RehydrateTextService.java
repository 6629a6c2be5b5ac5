package dev.masker.application.service;

import dev.masker.application.port.in.FindSessionTokensUseCase;
import dev.masker.application.port.in.RehydrateTextCommand;
import dev.masker.application.port.in.RehydrateTextUseCase;
import dev.masker.application.port.in.SessionTokensQuery;
import dev.masker.application.port.out.ReversibleTokenPort;
import dev.masker.application.port.out.TokenVaultPort;
import dev.masker.domain.phi.Rehydration;
import dev.masker.domain.phi.Rehydrator;
import dev.masker.domain.phi.TokenLookup;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.session.SessionId;
import java.util.Objects;

/**
 * Rehydrates a text for a session with the domain's {@link Rehydrator} over a {@link TokenLookup} built from the vault
 * (MSKV1: only the session's own rows open) and the reversible-token port (MSK1: only the session's own tokens open).
 */
public final class RehydrateTextService implements RehydrateTextUseCase, FindSessionTokensUseCase {
    private final VaultTokens vaultTokens;
    private final TokenVaultPort vault;
    private final ReversibleTokenPort reversible;

    public RehydrateTextService(VaultTokens vaultTokens, TokenVaultPort vault, ReversibleTokenPort reversible) {
        this.vaultTokens = Objects.requireNonNull(vaultTokens, "vaultTokens");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.reversible = Objects.requireNonNull(reversible, "reversible");
    }

    @Override
    public Rehydration rehydrate(RehydrateTextCommand command) {
        return new Rehydrator(tokensOf(new SessionTokensQuery(command.session()))).rehydrate(command.text());
    }

    @Override
    public TokenLookup tokensOf(SessionTokensQuery query) {
        SessionId session = query.session();
        return token -> switch (token.scheme()) {
            case MSK1 -> reversible.open(session, token);
            case MSKV1 -> vault.find(session, token).flatMap(entry -> vaultTokens.open(session, token, entry.sealed()));
        };
    }
}
