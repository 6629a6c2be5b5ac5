package dev.masker.application.port.out;

import dev.masker.domain.agent.AgentId;
import java.time.Instant;

/** Driven port: how many calls an agent started, counted from the audit log. */
public interface CountAgentCallsPort {
    /**
     * The number of {@code call_started} events of the agent at or after each instant.
     *
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable}
     */
    CallCounts countCalls(AgentId agent, Instant sinceDay, Instant sinceWeek);

    /** Calls in the last day and the last week. */
    record CallCounts(long lastDay, long lastWeek) { }
}
