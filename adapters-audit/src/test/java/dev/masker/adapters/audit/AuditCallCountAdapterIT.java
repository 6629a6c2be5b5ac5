package dev.masker.adapters.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.application.port.out.SessionTurnTotalsPort.TurnTotals;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.AuditEvent.TurnRecord;
import dev.masker.domain.id.EventId;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.session.SessionId;
import dev.masker.testsupport.ports.SampleEvents;
import dev.masker.testsupport.postgres.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session's turn totals summed from its {@code turn_proxied} events in a real PostgreSQL. */
class AuditCallCountAdapterIT {
    private TestPostgres.Schema schema;
    private ChainedAuditAdapter audit;

    @BeforeEach
    void migrateFreshSchema() {
        schema = TestPostgres.freshSchema();
        AuditMigrations.migrate(schema.pool(), schema.name());
        audit = new ChainedAuditAdapter(schema.db(), 100, 1_000, Duration.ofSeconds(20), size -> {});
    }

    @AfterEach
    void close() {
        audit.close();
        schema.close();
    }

    private static Ulid ulid() {
        return Ulid.generate(SampleEvents.AT, ThreadLocalRandom.current());
    }

    private void turn(AgentId agent, SessionId session, Instant at, Map<PhiKind, Integer> masked) {
        audit.append(AuditEvent.turnProxied(
                new EventId(ulid()),
                at,
                agent,
                new TurnRecord(
                        session,
                        "stub",
                        "stub",
                        false,
                        "ok",
                        "healthcare-default",
                        1,
                        masked,
                        0,
                        0,
                        new AuditEvent.StageTimes(
                                Duration.ofMillis(1),
                                Duration.ofMillis(1),
                                Duration.ofMillis(2),
                                Duration.ofMillis(3),
                                Duration.ZERO,
                                Duration.ZERO,
                                Duration.ZERO,
                                Duration.ofMillis(4))),
                new RequestId(ulid())));
    }

    @Test
    void givenTurnsOfSeveralSessionsAndAgents_totals_sumsOnlyTheSessionsTurnsSinceItStarted() {
        AgentId agent = SampleEvents.newAgentId();
        SessionId session = new SessionId(ulid());
        SessionId other = new SessionId(ulid());
        Instant start = SampleEvents.AT;
        turn(agent, session, start, Map.of(PhiKind.NAME, 2, PhiKind.PHONE, 1));
        turn(agent, session, start.plusSeconds(20), Map.of(PhiKind.NAME, 1));
        turn(agent, session, start.plusSeconds(40), Map.of());
        turn(agent, other, start.plusSeconds(30), Map.of(PhiKind.SSN, 1));
        turn(SampleEvents.newAgentId(), session, start.plusSeconds(30), Map.of(PhiKind.EMAIL, 1));

        TurnTotals totals = new AuditCallCountAdapter(schema.db()).totals(agent, session, start);

        assertEquals(new TurnTotals(3, Map.of(PhiKind.NAME, 3, PhiKind.PHONE, 1)), totals);
        assertEquals(
                TurnTotals.NONE, new AuditCallCountAdapter(schema.db()).totals(agent, new SessionId(ulid()), start));
    }
}
