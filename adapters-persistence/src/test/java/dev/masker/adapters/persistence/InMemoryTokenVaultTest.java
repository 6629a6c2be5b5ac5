package dev.masker.adapters.persistence;

import dev.masker.application.port.out.TokenVaultPort;

/** The token vault contract, held by the in-memory fake. */
class InMemoryTokenVaultTest extends TokenVaultContractTest {
    private final InMemoryTokenVault vault = new InMemoryTokenVault();

    @Override
    protected TokenVaultPort vault() {
        return vault;
    }
}
