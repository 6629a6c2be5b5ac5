package dev.masker.application.port.in;

/** Lists one agent's sessions, newest first (SPEC §8), a deleted agent's included. */
public interface ListAgentSessionsUseCase {
    /**
     * A page of the agent's sessions; the list parameters' own {@code agent_id} is ignored.
     *
     * @throws dev.masker.domain.error.DomainException with {@code agent_not_found} when the id names no agent that
     *         exists or existed, {@code validation_failed} naming each bad parameter
     */
    SessionPage listOfAgent(ListAgentSessionsQuery query);
}
