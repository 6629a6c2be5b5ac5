package dev.masker.application.port.out;

import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import java.time.Instant;

/** Driven port: the agent repository's changing side — updates and deletes, seen by every instance within a second. */
public interface ChangeAgentPort {
    /**
     * Stores the agent's new settings.
     *
     * @throws dev.masker.domain.error.DomainException with {@code name_taken} or {@code unavailable}
     */
    ChangeOutcome update(Agent agent);

    /**
     * Deletes the agent: from then on it cannot be loaded, while its row, sessions and audit events stay.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable}
     */
    ChangeOutcome delete(AgentId id, Instant at);

    /** Whether a live agent was changed. */
    sealed interface ChangeOutcome {
        /** The live agent was changed. */
        record Changed() implements ChangeOutcome {}

        /** No live agent has the id (never created, or already deleted). */
        record NotFound() implements ChangeOutcome {}
    }
}
