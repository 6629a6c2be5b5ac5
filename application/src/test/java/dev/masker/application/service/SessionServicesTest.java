package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.in.GetSessionQuery;
import dev.masker.application.port.in.ListAgentSessionsQuery;
import dev.masker.application.port.in.ListSessionsQuery;
import dev.masker.application.port.in.SessionPage;
import dev.masker.application.port.out.ReadSessionsPort;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.page.PageCursors;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.session.activity.SessionDetail;
import dev.masker.domain.session.activity.SessionStatus;
import dev.masker.domain.session.activity.SessionSummary;
import dev.masker.testsupport.clock.SettableClock;
import dev.masker.testsupport.ports.InMemoryTurnPayloads;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionServicesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final AgentId AGENT =
            AgentId.parse("agt_01JD8Q7M2K3N4P5Q6R7S8T9V0W").orElseThrow();
    private static final AgentId OTHER =
            AgentId.parse("agt_01JD8Q7M2K3N4P5Q6R7S8T9V0X").orElseThrow();

    private final Sessions sessions = new Sessions();
    private final PageCursors cursors = new PageCursors(filled());
    private final ListSessionsService list = new ListSessionsService(sessions, cursors, SettableClock.fixedAt(NOW));
    private final GetSessionService get = new GetSessionService(sessions, new InMemoryTurnPayloads());

    private static byte[] filled() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        return key;
    }

    private static ListSessionsQuery query(
            String limit, String cursor, String since, String agent, String status, String minRedactions) {
        return new ListSessionsQuery(
                Optional.ofNullable(limit),
                Optional.ofNullable(cursor),
                Optional.ofNullable(since),
                Optional.ofNullable(agent),
                Optional.ofNullable(status),
                Optional.ofNullable(minRedactions));
    }

    private static ListAgentSessionsQuery ofAgent(String agentIdText, ListSessionsQuery parameters) {
        return new ListAgentSessionsQuery(agentIdText, parameters);
    }

    private SessionSummary started(AgentId agent, Duration ago, long turns, long failed, long masked) {
        SessionSummary session = new SessionSummary(
                new SessionId(Ulid.generate(NOW.minus(ago), new SecureRandom())),
                agent,
                "Front desk",
                NOW.minus(ago),
                Optional.empty(),
                turns,
                failed,
                masked == 0 ? Map.of() : Map.of(PhiKind.NAME, masked),
                Optional.of("gpt-4o"));
        sessions.all.add(session);
        return session;
    }

    @Test
    void givenNoParameters_list_asksForTheLastDayAndOneMoreThanAPage() {
        list.list(query(null, null, null, null, null, null));

        ReadSessionsPort.Listing asked = sessions.asked.getLast();
        assertEquals(26, asked.limit());
        assertEquals(NOW.minus(Duration.ofHours(24)), asked.since());
        assertEquals(Optional.empty(), asked.agent());
        assertEquals(0, asked.minRedactions());
    }

    @Test
    void givenShorthandsAndAnInstant_list_readsEachSince() {
        list.list(query(null, null, "7d", null, null, null));
        assertEquals(NOW.minus(Duration.ofDays(7)), sessions.asked.getLast().since());
        list.list(query(null, null, "2026-12-01T00:00:00Z", null, "partial", "5"));
        assertEquals(
                Instant.parse("2026-12-01T00:00:00Z"), sessions.asked.getLast().since());
        assertEquals(
                Optional.of(SessionStatus.PARTIAL), sessions.asked.getLast().status());
        assertEquals(5, sessions.asked.getLast().minRedactions());
    }

    @Test
    void givenEveryParameterBad_list_namesEachInOneValidationFailure() {
        DomainException failure = assertThrows(
                DomainException.class,
                () -> list.list(query("101", "forged.x", "last week", "agt_nope", "fine", "-1")));

        assertEquals(ErrorCode.VALIDATION_FAILED, failure.code());
        assertEquals(
                List.of("agent_id", "limit", "since", "status", "min_redactions", "cursor"),
                failure.details().stream().map(FieldProblem::field).toList());
        assertTrue(sessions.asked.isEmpty(), "nothing is read for a bad query");
    }

    @Test
    void givenMoreSessionsThanALimit_list_pagesThroughEachOnceNewestFirst() {
        List<SessionSummary> made = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            made.add(started(AGENT, Duration.ofMinutes(i), 1, 0, i));
        }
        List<SessionId> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            SessionPage page = list.list(query("2", cursor.orElse(null), null, null, null, null));
            page.sessions().forEach(session -> seen.add(session.id()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertEquals(made.stream().map(SessionSummary::id).toList(), seen);
    }

    @Test
    void givenAnAgentThatNeverExisted_listOfAgent_failsAgentNotFound() {
        sessions.knownAgents.add(AGENT);

        assertEquals(
                ErrorCode.AGENT_NOT_FOUND,
                assertThrows(
                                DomainException.class,
                                () -> list.listOfAgent(
                                        ofAgent(OTHER.value(), query(null, null, null, null, null, null))))
                        .code());
        assertEquals(
                ErrorCode.AGENT_NOT_FOUND,
                assertThrows(
                                DomainException.class,
                                () -> list.listOfAgent(
                                        ofAgent("not-an-agent", query(null, null, null, null, null, null))))
                        .code());
        list.listOfAgent(ofAgent(AGENT.value(), query(null, null, null, OTHER.value(), null, null)));
        assertEquals(Optional.of(AGENT), sessions.asked.getLast().agent(), "the path's agent, not the query's");
    }

    @Test
    void givenUnknownOrMalformedIds_get_failsSessionNotFound() {
        SessionSummary known = started(AGENT, Duration.ofMinutes(1), 1, 0, 1);

        assertEquals(known, get.get(new GetSessionQuery(known.id().value())).summary());
        for (String id : List.of("sess_01JD8Q2W3E4R5T6Y7V8X9Z0P9Z", "sess_", "", "agt_01JD8Q7M2K3N4P5Q6R7S8T9V0W")) {
            assertEquals(
                    ErrorCode.SESSION_NOT_FOUND,
                    assertThrows(DomainException.class, () -> get.get(new GetSessionQuery(id)))
                            .code(),
                    id);
        }
    }

    /** Sessions in memory, listed as the real store lists them. */
    private static final class Sessions implements ReadSessionsPort {
        final List<SessionSummary> all = new ArrayList<>();
        final List<AgentId> knownAgents = new ArrayList<>();
        final List<Listing> asked = new ArrayList<>();

        @Override
        public List<SessionSummary> list(Listing listing) {
            asked.add(listing);
            Comparator<SessionSummary> newestFirst = Comparator.comparing(SessionSummary::startedAt)
                    .thenComparing(session -> session.id().value())
                    .reversed();
            return all.stream()
                    .filter(session -> !session.startedAt().isBefore(listing.since()))
                    .filter(session ->
                            listing.agent().map(session.agentId()::equals).orElse(true))
                    .filter(session ->
                            listing.status().map(session.status()::equals).orElse(true))
                    .filter(session -> session.redactionCount() >= listing.minRedactions())
                    .filter(session -> listing.after()
                            .map(after -> newestFirst.compare(
                                            session,
                                            new SessionSummary(
                                                    after.id(),
                                                    AGENT,
                                                    "",
                                                    after.startedAt(),
                                                    Optional.empty(),
                                                    0,
                                                    0,
                                                    Map.of(),
                                                    Optional.empty()))
                                    > 0)
                            .orElse(true))
                    .sorted(newestFirst)
                    .limit(listing.limit())
                    .toList();
        }

        @Override
        public Optional<SessionDetail> find(SessionId id) {
            return all.stream()
                    .filter(session -> session.id().equals(id))
                    .findFirst()
                    .map(session -> new SessionDetail(session, List.of(), Optional.empty()));
        }

        @Override
        public boolean agentKnown(AgentId agent) {
            return knownAgents.contains(agent);
        }
    }
}
