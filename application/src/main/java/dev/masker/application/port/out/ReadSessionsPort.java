package dev.masker.application.port.out;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.session.activity.SessionDetail;
import dev.masker.domain.session.activity.SessionStatus;
import dev.masker.domain.session.activity.SessionSummary;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven port: the proxy's sessions as the audit log records their turns — for the sessions API (SPEC §8). Every
 * method throws {@link dev.masker.domain.error.DomainException} with {@code unavailable} when the store cannot be
 * reached.
 */
public interface ReadSessionsPort {
    /** Up to {@code limit} sessions, newest first (start time, then id), matching the listing. */
    List<SessionSummary> list(Listing listing);

    /** The session with its turns and end, or empty when there is none with that id. */
    Optional<SessionDetail> find(SessionId id);

    /** Whether the agent exists or existed: a deleted agent's sessions are kept and listed. */
    boolean agentKnown(AgentId agent);

    /**
     * What to list: sessions started at or after {@code since}, of one agent if given, with that status if given, with at
     * least {@code minRedactions} values masked, strictly after the position if given.
     */
    record Listing(
            int limit,
            Instant since,
            Optional<AgentId> agent,
            Optional<SessionStatus> status,
            long minRedactions,
            Optional<Position> after) {
        public Listing {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(after, "after");
        }
    }

    /** Where a page ended: the last session's start time and id. */
    record Position(Instant startedAt, SessionId id) {
        public Position {
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(id, "id");
        }
    }
}
