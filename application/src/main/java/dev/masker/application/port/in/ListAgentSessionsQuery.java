package dev.masker.application.port.in;

import java.util.Objects;

/**
 * The agent id exactly as the caller wrote it, and the session list's parameters ({@link ListSessionsQuery}), whose own
 * {@code agent_id} is ignored.
 */
public record ListAgentSessionsQuery(String agentIdText, ListSessionsQuery parameters) {
    public ListAgentSessionsQuery {
        Objects.requireNonNull(agentIdText, "agentIdText");
        Objects.requireNonNull(parameters, "parameters");
    }
}
