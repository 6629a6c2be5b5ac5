package dev.masker.application.port.out;

import dev.masker.testsupport.ports.InMemoryTokenVault;
import dev.masker.testsupport.ports.TokenVaultContractTest;

/** The token vault contract, held by the in-memory fake the service tests use. */
class InMemoryTokenVaultTest extends TokenVaultContractTest {
    private final InMemoryTokenVault vault = new InMemoryTokenVault();

    @Override
    protected TokenVaultPort vault() {
        return vault;
    }
}
