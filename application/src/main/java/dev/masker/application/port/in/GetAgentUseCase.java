package dev.masker.application.port.in;

import dev.masker.domain.agent.Agent;

/** Reads one agent (SPEC §5). */
public interface GetAgentUseCase {
    /**
     * The agent the id text names.
     *
     * @throws dev.masker.domain.error.DomainException with {@code agent_not_found} when the text is not an agent id or
     *         no live agent has it
     */
    Agent get(GetAgentQuery query);
}
