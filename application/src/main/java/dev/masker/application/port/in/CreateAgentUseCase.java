package dev.masker.application.port.in;

import dev.masker.domain.agent.Agent;

/** Creates an agent (SPEC §5). */
public interface CreateAgentUseCase {
    /**
     * The new agent, stored and audited.
     *
     * @throws dev.masker.domain.error.DomainException with {@code validation_failed} naming each bad field,
     *         {@code unknown_upstream}, {@code unknown_policy}, {@code name_taken} or {@code unavailable}
     */
    Agent create(CreateAgentCommand command);
}
