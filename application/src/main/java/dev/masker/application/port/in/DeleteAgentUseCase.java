package dev.masker.application.port.in;

/** Deletes an agent (SPEC §5 DELETE): its webhook answers 404 from then on; its audit events stay. */
public interface DeleteAgentUseCase {
    /**
     * Deletes the agent and records who did.
     *
     * @throws dev.masker.domain.error.DomainException with {@code agent_not_found} or {@code unavailable}
     */
    void delete(DeleteAgentCommand command);
}
