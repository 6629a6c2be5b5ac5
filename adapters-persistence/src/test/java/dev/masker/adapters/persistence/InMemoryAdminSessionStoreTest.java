package dev.masker.adapters.persistence;

import dev.masker.application.port.out.AdminSessionStorePort;

/** The admin session store contract, held by the in-memory fake. */
class InMemoryAdminSessionStoreTest extends AdminSessionStoreContractTest {
    private final InMemoryAdminSessionStore store = new InMemoryAdminSessionStore();

    @Override
    protected AdminSessionStorePort store() {
        return store;
    }
}
