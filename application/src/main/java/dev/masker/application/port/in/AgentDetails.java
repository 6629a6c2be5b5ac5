package dev.masker.application.port.in;

import dev.masker.domain.agent.Agent;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An agent with its activity: webhook calls, proxy sessions and masked values in the last 24 hours and 7 days, and the
 * 50th and 95th percentile of the latency the proxy added to its turns over the last 24 hours (empty without turns).
 */
public record AgentDetails(
        Agent agent,
        long webhookCalls24h,
        long webhookCalls7d,
        long sessions24h,
        long sessions7d,
        long redactions24h,
        long redactions7d,
        OptionalDouble addedLatencyP50Ms,
        OptionalDouble addedLatencyP95Ms) {
    public AgentDetails {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(addedLatencyP50Ms, "addedLatencyP50Ms");
        Objects.requireNonNull(addedLatencyP95Ms, "addedLatencyP95Ms");
    }

    /** An agent with webhook calls only: no proxied turns. */
    public AgentDetails(Agent agent, long webhookCalls24h, long webhookCalls7d) {
        this(agent, webhookCalls24h, webhookCalls7d, 0, 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty());
    }
}
