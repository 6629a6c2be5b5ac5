package dev.masker.application.port.out;

import dev.masker.domain.agent.Agent;

/** Driven port: the agent repository's writing side. */
public interface SaveAgentPort {
    /**
     * Stores a new agent.
     *
     * @throws dev.masker.domain.error.DomainException with {@code name_taken} when a live agent has the same name
     *         ignoring case, or {@code unavailable} when the store cannot be reached
     */
    void create(Agent agent);
}
