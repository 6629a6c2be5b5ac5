package dev.masker.application.port.out;

import dev.masker.testsupport.ports.InMemoryAdminSessions;
import dev.masker.testsupport.ports.KeepAdminSessionsContractTest;

/** The admin session store contract, held by the in-memory fake the service tests use. */
class InMemoryAdminSessionsTest extends KeepAdminSessionsContractTest {
    private final InMemoryAdminSessions store = new InMemoryAdminSessions();

    @Override
    protected KeepAdminSessionsPort store() {
        return store;
    }
}
