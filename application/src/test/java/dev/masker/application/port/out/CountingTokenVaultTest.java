package dev.masker.application.port.out;

import dev.masker.testsupport.ports.CountingTokenVault;
import dev.masker.testsupport.ports.KeepVaultEntriesContractTest;

/** The token vault contract, held by the counting in-memory fake the masking and proxy service tests use. */
class CountingTokenVaultTest extends KeepVaultEntriesContractTest {
    private final CountingTokenVault vault = new CountingTokenVault();

    @Override
    protected KeepVaultEntriesPort vault() {
        return vault;
    }
}
