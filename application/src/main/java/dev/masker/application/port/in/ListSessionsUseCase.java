package dev.masker.application.port.in;

/** Lists the proxy's sessions, newest first (SPEC §8). */
public interface ListSessionsUseCase {
    /**
     * A page of sessions matching the query; {@code agent_id} in it filters by agent.
     *
     * @throws dev.masker.domain.error.DomainException with {@code validation_failed} naming each bad parameter
     */
    SessionPage list(ListSessionsQuery query);
}
