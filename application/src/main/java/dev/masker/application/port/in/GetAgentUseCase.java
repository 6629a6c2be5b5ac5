package dev.masker.application.port.in;

/** Reads one agent with its activity (SPEC §5). */
public interface GetAgentUseCase {
    /**
     * The agent the id text names.
     *
     * @throws dev.masker.domain.error.DomainException with {@code agent_not_found} when the text is not an agent id or
     *         no live agent has it
     */
    AgentDetails get(GetAgentQuery query);
}
