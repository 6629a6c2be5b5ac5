package dev.masker.application.service;

import dev.masker.application.port.in.TokenizeValueCommand;
import dev.masker.application.port.in.TokenizeValueUseCase;
import dev.masker.application.port.out.ReversibleTokenPort;
import dev.masker.application.port.out.TokenVaultPort;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.phi.VaultTokens;
import java.time.Clock;
import java.util.Objects;

/**
 * Makes tokens for a session: MSKV1 with the domain's {@link VaultTokens} and the vault, MSK1 through the reversible-token
 * port, bound to the session.
 */
public final class TokenizeValueService implements TokenizeValueUseCase {
    private final VaultTokens vaultTokens;
    private final TokenVaultPort vault;
    private final ReversibleTokenPort reversible;
    private final Clock clock;

    public TokenizeValueService(VaultTokens vaultTokens, TokenVaultPort vault, ReversibleTokenPort reversible, Clock clock) {
        this.vaultTokens = Objects.requireNonNull(vaultTokens, "vaultTokens");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.reversible = Objects.requireNonNull(reversible, "reversible");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PhiToken tokenize(TokenizeValueCommand command) {
        return switch (command.scheme()) {
            case MSK1 -> reversible.seal(command.session(), command.kind(), command.kid(), command.value());
            case MSKV1 -> {
                PhiToken token = vaultTokens.token(command.kind(), command.kid(), command.value());
                // Idempotent: a value seen again in the session keeps the original stored the first time.
                vault.store(new VaultEntry(command.session(), token,
                        vaultTokens.seal(command.session(), token, command.value()), clock.instant()));
                yield token;
            }
        };
    }
}
