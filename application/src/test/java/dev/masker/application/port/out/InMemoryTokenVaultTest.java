package dev.masker.application.port.out;

import dev.masker.testsupport.ports.InMemoryTokenVault;
import dev.masker.testsupport.ports.KeepVaultEntriesContractTest;

/** The token vault contract, held by the in-memory fake the service tests use. */
class InMemoryTokenVaultTest extends KeepVaultEntriesContractTest {
    private final InMemoryTokenVault vault = new InMemoryTokenVault();

    @Override
    protected KeepVaultEntriesPort vault() {
        return vault;
    }
}
