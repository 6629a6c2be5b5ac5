package dev.masker.application.port.in;

import dev.masker.domain.agent.Agent;

/** Changes some of an agent's settings (SPEC §5 PATCH). */
public interface UpdateAgentUseCase {
    /**
     * The agent with the changes applied, stored and audited.
     *
     * @throws dev.masker.domain.error.DomainException with {@code agent_not_found}, {@code validation_failed},
     *         {@code unknown_upstream}, {@code unknown_policy}, {@code name_taken} or {@code unavailable}
     */
    Agent update(UpdateAgentCommand command);
}
