package dev.masker.application.port.out;

import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import java.util.Optional;

/** Driven port: the agent repository's reading side. */
public interface LoadAgentPort {
    /**
     * The live agent with this id, or empty when there is none (never created, or deleted).
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the store cannot be reached
     */
    Optional<Agent> load(AgentId id);
}
