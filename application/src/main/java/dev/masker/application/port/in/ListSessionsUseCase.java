package dev.masker.application.port.in;

/** Lists the proxy's sessions, newest first (SPEC §8). */
public interface ListSessionsUseCase {
    /**
     * A page of sessions matching the query; {@code agent_id} in it filters by agent.
     *
     * @throws dev.masker.domain.error.DomainException with {@code validation_failed} naming each bad parameter
     */
    SessionPage list(ListSessionsQuery query);

    /**
     * A page of the agent's sessions (a deleted agent's included); the query's own {@code agent_id} is ignored.
     *
     * @throws dev.masker.domain.error.DomainException with {@code agent_not_found} when the id names no agent that
     *         exists or existed, {@code validation_failed} as {@link #list}
     */
    SessionPage listOfAgent(String agentIdText, ListSessionsQuery query);
}
