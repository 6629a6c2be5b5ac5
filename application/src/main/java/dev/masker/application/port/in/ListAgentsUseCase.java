package dev.masker.application.port.in;

/** Lists live agents, newest first, a page at a time (SPEC §5). */
public interface ListAgentsUseCase {
    /**
     * One page and the cursor of the next, if there is one.
     *
     * @throws dev.masker.domain.error.DomainException with {@code validation_failed} for a limit out of range or a
     *         cursor that is not one of ours
     */
    AgentPage list(ListAgentsQuery query);
}
