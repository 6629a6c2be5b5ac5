package dev.masker.application.service;

import dev.masker.application.port.in.DeleteAgentCommand;
import dev.masker.application.port.in.DeleteAgentUseCase;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.ChangeAgentPort;
import dev.masker.application.port.out.ChangeAgentPort.ChangeOutcome;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.EventId;
import java.time.Clock;
import java.util.Objects;

/** Deletes a live agent and records who did; deleting it again is {@code agent_not_found}. */
public final class DeleteAgentService implements DeleteAgentUseCase {
    private final ChangeAgentPort changes;
    private final AppendAuditEventPort audit;
    private final IdGeneratorPort ids;
    private final Clock clock;

    public DeleteAgentService(ChangeAgentPort changes, AppendAuditEventPort audit, IdGeneratorPort ids, Clock clock) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void delete(DeleteAgentCommand command) {
        AgentId id = AgentId.parse(command.agentIdText()).orElseThrow(DeleteAgentService::notFound);
        if (changes.delete(id, clock.instant()) instanceof ChangeOutcome.NotFound) {
            throw notFound();
        }
        audit.append(AuditEvent.agentDeleted(
                new EventId(ids.next()), clock.instant(), id, command.principal(), command.requestId()));
    }

    private static DomainException notFound() {
        return DomainException.of(ErrorCode.AGENT_NOT_FOUND, "No agent has this id.");
    }
}
