package dev.masker.application.port.out;

import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Driven port: live agents, newest first, by keyset pages. */
public interface ListAgentsPort {
    /**
     * Up to {@code limit} live agents, newest first (creation time, then id), strictly after the position if one is
     * given, whose names contain the text ignoring case if one is given.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable}
     */
    List<Agent> list(Listing listing);

    /** What to list. */
    record Listing(int limit, Optional<Position> after, Optional<String> nameContains) {
        public Listing {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(nameContains, "nameContains");
        }
    }

    /** A place in the newest-first order: an agent's creation time and id. */
    record Position(Instant createdAt, AgentId id) {
        public Position {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(id, "id");
        }
    }
}
