package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.out.PurgeVaultPort;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.AuditEventType;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.testsupport.clock.SettableClock;
import dev.masker.testsupport.ports.InMemoryAuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurgeVaultServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final List<Instant> cutoffs = new ArrayList<>();

    @Test
    void givenARetentionOfThirtyDays_purge_removesBeforeTheCutoffAndAuditsTheCount() {
        PurgeVaultService service = new PurgeVaultService(
                cutoff -> {
                    cutoffs.add(cutoff);
                    return new PurgeVaultPort.Purged(42, 7);
                },
                audit,
                new SequentialIds(),
                SettableClock.fixedAt(NOW),
                30);

        assertEquals(new PurgeVaultPort.Purged(42, 7), service.purge());

        assertEquals(List.of(NOW.minus(Duration.ofDays(30))), cutoffs);
        AuditEvent event = audit.events().getFirst();
        assertEquals(AuditEventType.VAULT_PURGED, event.type());
        assertEquals(
                Map.of(
                        "removed",
                        "42",
                        "payloads_removed",
                        "7",
                        "cutoff",
                        "2026-11-07T12:00:00Z",
                        "retention_days",
                        "30"),
                event.data());
        assertTrue(event.agentId().isEmpty());
    }

    @Test
    void givenAVaultThatFails_purge_failsAndAuditsNothing() {
        PurgeVaultService service = new PurgeVaultService(
                cutoff -> {
                    throw DomainException.of(ErrorCode.UNAVAILABLE, "The database is unavailable; retry shortly.");
                },
                audit,
                new SequentialIds(),
                SettableClock.fixedAt(NOW),
                30);

        assertEquals(
                ErrorCode.UNAVAILABLE,
                assertThrows(DomainException.class, service::purge).code());
        assertTrue(audit.events().isEmpty());
    }

    @Test
    void givenARetentionUnderADay_theService_refusesIt() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new PurgeVaultService(
                        cutoff -> new PurgeVaultPort.Purged(0, 0),
                        audit,
                        new SequentialIds(),
                        SettableClock.fixedAt(NOW),
                        0));
    }
}
