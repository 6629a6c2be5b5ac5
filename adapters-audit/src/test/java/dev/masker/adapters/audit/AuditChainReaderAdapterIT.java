package dev.masker.adapters.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.masker.application.port.out.ReadAuditChainPort.Period;
import dev.masker.domain.audit.ChainLink;
import dev.masker.domain.audit.ChainPosition;
import dev.masker.domain.audit.ChainVerification;
import dev.masker.domain.audit.ChainWalk;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.testsupport.ports.SampleEvents;
import dev.masker.testsupport.postgres.TestPostgres;
import io.helidon.dbclient.DbClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The export's reader against a real log whose events happened an hour apart, one of them out of time order. */
class AuditChainReaderAdapterIT {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private TestPostgres.Schema schema;
    private AuditChainReaderAdapter reader;

    @BeforeEach
    void appendEventsAnHourApart() {
        schema = TestPostgres.freshSchema();
        AuditMigrations.migrate(schema.pool(), schema.name());
        reader = new AuditChainReaderAdapter(schema.db());
        // seq 1..6 at hours 0, 1, 2, 3, 4, 5 — except seq 4, stamped at hour 1 by a late clock.
        int[] hours = {0, 1, 2, 1, 4, 5};
        try (ChainedAuditAdapter audit =
                new ChainedAuditAdapter(schema.db(), 1, 10, Duration.ofSeconds(10), size -> {})) {
            for (int hour : hours) {
                audit.append(SampleEvents.agentCreatedAt(T0.plus(Duration.ofHours(hour))));
            }
        }
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    @Test
    void givenNoBounds_read_givesTheWholeChainWhichVerifiesFromGenesis() {
        List<ChainLink> links = read(Optional.empty(), Optional.empty());

        assertEquals(
                List.of(1L, 2L, 3L, 4L, 5L, 6L),
                links.stream().map(ChainLink::sequence).toList());
        ChainWalk walk = ChainWalk.fromGenesis();
        links.forEach(link -> assertEquals(Optional.empty(), walk.next(link)));
        assertEquals(6, walk.eventsChecked());
    }

    @Test
    void givenAPeriod_read_givesTheRunFromItsFirstToItsLastEventWithoutGaps() {
        // Hours 2 to 4 (4 excluded): seq 3 is the first at or after hour 2, seq 4 (hour 1) the last before hour 4.
        List<ChainLink> links =
                read(Optional.of(T0.plus(Duration.ofHours(2))), Optional.of(T0.plus(Duration.ofHours(4))));

        assertEquals(List.of(3L, 4L), links.stream().map(ChainLink::sequence).toList());
        ChainWalk walk = ChainWalk.after(new ChainPosition(2, links.getFirst().previousHash()));
        links.forEach(link -> assertEquals(Optional.empty(), walk.next(link)));
    }

    @Test
    void givenAPeriodWithNoEvents_read_givesNothing() {
        assertEquals(List.of(), read(Optional.of(T0.plus(Duration.ofDays(1))), Optional.empty()));
        assertEquals(List.of(), read(Optional.empty(), Optional.of(T0)));
    }

    @Test
    void givenAnEmptyLog_read_givesNothing() {
        try (TestPostgres.Schema empty = TestPostgres.freshSchema()) {
            AuditMigrations.migrate(empty.pool(), empty.name());
            List<ChainLink> links = new ArrayList<>();

            assertEquals(
                    0,
                    new AuditChainReaderAdapter(empty.db())
                            .read(new Period(Optional.empty(), Optional.empty()), links::add));
            assertEquals(List.of(), links);
        }
    }

    @Test
    void givenTheSinkFails_read_passesItsFailureOnUnchanged() {
        IllegalStateException clientGone = new IllegalStateException("the client went away");

        RuntimeException thrown = assertThrows(
                RuntimeException.class,
                () -> reader.read(new Period(Optional.empty(), Optional.empty()), link -> {
                    throw clientGone;
                }));

        assertSame(clientGone, thrown);
        // The snapshot was given back: the pool still serves a verification.
        assertInstanceOf(ChainVerification.Intact.class, new AuditChainVerifierAdapter(schema.db()).verify());
    }

    @Test
    void givenUnreachableDatabase_read_failsAsAuditUnavailable() {
        try (HikariDataSource dead = TestPostgres.unreachablePool();
                DbClient db = TestPostgres.dbClient(dead::getConnection)) {
            DomainException refused = assertThrows(
                    DomainException.class,
                    () -> new AuditChainReaderAdapter(db)
                            .read(new Period(Optional.empty(), Optional.empty()), link -> {}));

            assertEquals(ErrorCode.AUDIT_UNAVAILABLE, refused.code());
        }
    }

    private List<ChainLink> read(Optional<Instant> since, Optional<Instant> until) {
        List<ChainLink> links = new ArrayList<>();
        long count = reader.read(new Period(since, until), links::add);
        assertEquals(links.size(), count);
        return links;
    }
}
