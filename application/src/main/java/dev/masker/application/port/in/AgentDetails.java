package dev.masker.application.port.in;

import dev.masker.domain.agent.Agent;
import java.util.Objects;

/** An agent with its activity: webhook calls in the last 24 hours and 7 days. */
public record AgentDetails(Agent agent, long webhookCalls24h, long webhookCalls7d) {
    public AgentDetails {
        Objects.requireNonNull(agent, "agent");
    }
}
