package dev.masker.application.service;

import dev.masker.application.port.in.ListAgentSessionsQuery;
import dev.masker.application.port.in.ListAgentSessionsUseCase;
import dev.masker.application.port.in.ListSessionsQuery;
import dev.masker.application.port.in.ListSessionsUseCase;
import dev.masker.application.port.in.SessionPage;
import dev.masker.application.port.out.ReadSessionsPort;
import dev.masker.application.port.out.ReadSessionsPort.Listing;
import dev.masker.application.port.out.ReadSessionsPort.Position;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.page.PageCursors;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.session.activity.SessionStatus;
import dev.masker.domain.session.activity.SessionSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pages through the proxy's sessions newest first with a signed keyset cursor (start time and id), so sessions started
 * while a client pages never make it skip or repeat one. Every parameter is checked and each bad one named.
 */
public final class ListSessionsService implements ListSessionsUseCase, ListAgentSessionsUseCase {
    static final Duration DEFAULT_SINCE = Duration.ofHours(24);
    private static final Map<String, Duration> SINCE_SHORTHANDS = Map.of(
            "1h",
            Duration.ofHours(1),
            "24h",
            Duration.ofHours(24),
            "7d",
            Duration.ofDays(7),
            "30d",
            Duration.ofDays(30));
    private static final long MAX_MIN_REDACTIONS = 1_000_000_000L;

    private final ReadSessionsPort sessions;
    private final PageCursors cursors;
    private final Clock clock;

    public ListSessionsService(ReadSessionsPort sessions, PageCursors cursors, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SessionPage list(ListSessionsQuery query) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<AgentId> agent = query.agentId()
                .filter(text -> !text.isEmpty())
                .flatMap(text -> {
                    Optional<AgentId> id = AgentId.parse(text);
                    if (id.isEmpty()) {
                        problems.add(new FieldProblem("agent_id", "must be an agent id (agt_ and 26 characters)"));
                    }
                    return id;
                });
        return page(query, agent, problems);
    }

    @Override
    public SessionPage listOfAgent(ListAgentSessionsQuery query) {
        AgentId agent = AgentId.parse(query.agentIdText())
                .filter(sessions::agentKnown)
                .orElseThrow(() -> DomainException.of(ErrorCode.AGENT_NOT_FOUND, "No agent has this id."));
        return page(query.parameters(), Optional.of(agent), new ArrayList<>());
    }

    private SessionPage page(ListSessionsQuery query, Optional<AgentId> agent, List<FieldProblem> problems) {
        int limit = Paging.limit(query.limit(), problems);
        Instant since = since(query.since(), problems);
        Optional<SessionStatus> status = query.status()
                .filter(text -> !text.isEmpty())
                .flatMap(text -> {
                    Optional<SessionStatus> parsed = SessionStatus.parse(text);
                    if (parsed.isEmpty()) {
                        problems.add(new FieldProblem("status", "must be ok, error or partial"));
                    }
                    return parsed;
                });
        long minRedactions = minRedactions(query.minRedactions(), problems);
        Optional<Position> after = query.cursor().flatMap(cursor -> {
            Optional<Position> position = cursors.decode(cursor).flatMap(ListSessionsService::position);
            if (position.isEmpty()) {
                problems.add(new FieldProblem("cursor", "is not a cursor this server gave out"));
            }
            return position;
        });
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        // One more than asked tells whether a next page exists.
        List<SessionSummary> found = sessions.list(new Listing(limit + 1, since, agent, status, minRedactions, after));
        if (found.size() <= limit) {
            return new SessionPage(found, Optional.empty());
        }
        List<SessionSummary> page = found.subList(0, limit);
        return new SessionPage(page, Optional.of(cursors.encode(position(page.get(limit - 1)))));
    }

    private Instant since(Optional<String> text, List<FieldProblem> problems) {
        Instant now = clock.instant();
        if (text.isEmpty() || text.get().isEmpty()) {
            return now.minus(DEFAULT_SINCE);
        }
        Duration shorthand = SINCE_SHORTHANDS.get(text.get());
        if (shorthand != null) {
            return now.minus(shorthand);
        }
        try {
            return Instant.parse(text.get());
        } catch (DateTimeParseException notAnInstant) {
            problems.add(new FieldProblem("since", "must be 1h, 24h, 7d, 30d or an ISO-8601 UTC instant"));
            return now;
        }
    }

    private static long minRedactions(Optional<String> text, List<FieldProblem> problems) {
        if (text.isEmpty() || text.get().isEmpty()) {
            return 0;
        }
        try {
            long value = Long.parseLong(text.get());
            if (value >= 0 && value <= MAX_MIN_REDACTIONS) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        problems.add(new FieldProblem("min_redactions", "must be a whole number from 0 to " + MAX_MIN_REDACTIONS));
        return 0;
    }

    private static String position(SessionSummary session) {
        return Paging.position("sessions", session.startedAt(), session.id().value());
    }

    private static Optional<Position> position(String text) {
        return Paging.keyset("sessions", text)
                .flatMap(keyset -> SessionId.parse(keyset.id()).map(id -> new Position(keyset.at(), id)));
    }
}
