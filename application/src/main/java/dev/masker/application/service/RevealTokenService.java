package dev.masker.application.service;

import dev.masker.application.port.in.RevealTokenQuery;
import dev.masker.application.port.in.RevealTokenUseCase;
import dev.masker.application.port.out.ReversibleTokenPort;
import dev.masker.application.port.out.TokenVaultPort;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.session.SessionId;
import java.util.Objects;
import java.util.Optional;

/**
 * Reveals tokens for a session: MSKV1 from the session's vault entries, opened for that session only; MSK1 by opening
 * the token, whose associated data binds it to the session that made it.
 */
public final class RevealTokenService implements RevealTokenUseCase {
    private final VaultTokens vaultTokens;
    private final TokenVaultPort vault;
    private final ReversibleTokenPort reversible;

    public RevealTokenService(VaultTokens vaultTokens, TokenVaultPort vault, ReversibleTokenPort reversible) {
        this.vaultTokens = Objects.requireNonNull(vaultTokens, "vaultTokens");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.reversible = Objects.requireNonNull(reversible, "reversible");
    }

    @Override
    public Optional<String> reveal(RevealTokenQuery query) {
        PhiToken token = query.token();
        SessionId session = query.session();
        return switch (token.scheme()) {
            case MSK1 -> reversible.open(session, token);
            case MSKV1 -> vault.find(session, token).flatMap(entry -> vaultTokens.open(session, token, entry.sealed()));
        };
    }
}
