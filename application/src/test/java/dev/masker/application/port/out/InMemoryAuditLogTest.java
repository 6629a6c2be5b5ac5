package dev.masker.application.port.out;

import dev.masker.testsupport.ports.AppendAuditEventContractTest;
import dev.masker.testsupport.ports.InMemoryAuditLog;

/** The audit log contract, held by the in-memory fake the service tests use; JUnit makes a new, empty one per test. */
class InMemoryAuditLogTest extends AppendAuditEventContractTest {
    private final InMemoryAuditLog log = new InMemoryAuditLog();

    @Override
    protected AppendAuditEventPort log() {
        return log;
    }

    @Override
    protected AppendAuditEventPort unavailableLog() {
        InMemoryAuditLog unavailable = new InMemoryAuditLog();
        unavailable.makeUnavailable();
        return unavailable;
    }
}
