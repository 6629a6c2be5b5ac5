package dev.masker.application.service;

import dev.masker.application.port.in.AgentDetails;
import dev.masker.application.port.in.GetAgentQuery;
import dev.masker.application.port.in.GetAgentUseCase;
import dev.masker.application.port.out.CountAgentCallsPort;
import dev.masker.application.port.out.CountAgentCallsPort.CallCounts;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Reads one live agent and counts its calls; a malformed id is answered without touching the store. */
public final class GetAgentService implements GetAgentUseCase {
    private final LoadAgentPort agents;
    private final CountAgentCallsPort calls;
    private final Clock clock;

    public GetAgentService(LoadAgentPort agents, CountAgentCallsPort calls, Clock clock) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AgentDetails get(GetAgentQuery query) {
        Agent agent = AgentId.parse(query.agentIdText()).flatMap(agents::load)
                .orElseThrow(() -> DomainException.of(ErrorCode.AGENT_NOT_FOUND, "No agent has this id."));
        Instant now = clock.instant();
        CallCounts counts = calls.countCalls(agent.id(), now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(7)));
        return new AgentDetails(agent, counts.lastDay(), counts.lastWeek());
    }
}
