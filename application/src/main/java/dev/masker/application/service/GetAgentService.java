package dev.masker.application.service;

import dev.masker.application.port.in.AgentDetails;
import dev.masker.application.port.in.GetAgentQuery;
import dev.masker.application.port.in.GetAgentUseCase;
import dev.masker.application.port.out.CountAgentCallsPort;
import dev.masker.application.port.out.CountAgentCallsPort.CallCounts;
import dev.masker.application.port.out.CountAgentCallsPort.TurnStats;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads one live agent and its activity (webhook calls, proxy sessions, masked values, added latency); a malformed id is
 * answered without touching the store.
 */
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
        Agent agent = AgentId.parse(query.agentIdText())
                .flatMap(agents::load)
                .orElseThrow(() -> DomainException.of(ErrorCode.AGENT_NOT_FOUND, "No agent has this id."));
        Instant now = clock.instant();
        Instant sinceDay = now.minus(Duration.ofDays(1));
        Instant sinceWeek = now.minus(Duration.ofDays(7));
        CallCounts counts = calls.countCalls(agent.id(), sinceDay, sinceWeek);
        TurnStats turns = calls.turnStats(agent.id(), sinceDay, sinceWeek);
        return new AgentDetails(
                agent,
                counts.lastDay(),
                counts.lastWeek(),
                turns.sessionsLastDay(),
                turns.sessionsLastWeek(),
                turns.redactionsLastDay(),
                turns.redactionsLastWeek(),
                turns.addedMillisP50(),
                turns.addedMillisP95());
    }
}
