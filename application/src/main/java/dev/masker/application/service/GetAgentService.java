package dev.masker.application.service;

import dev.masker.application.port.in.GetAgentQuery;
import dev.masker.application.port.in.GetAgentUseCase;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.util.Objects;

/** Reads one live agent; a malformed id is answered without touching the store. */
public final class GetAgentService implements GetAgentUseCase {
    private final LoadAgentPort agents;

    public GetAgentService(LoadAgentPort agents) {
        this.agents = Objects.requireNonNull(agents, "agents");
    }

    @Override
    public Agent get(GetAgentQuery query) {
        return AgentId.parse(query.agentIdText()).flatMap(agents::load)
                .orElseThrow(() -> DomainException.of(ErrorCode.AGENT_NOT_FOUND, "No agent has this id."));
    }
}
