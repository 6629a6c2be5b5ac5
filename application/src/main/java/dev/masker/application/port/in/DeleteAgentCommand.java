package dev.masker.application.port.in;

import dev.masker.domain.id.RequestId;
import java.util.Objects;

/** The agent id as written, who asks, and the request's id. */
public record DeleteAgentCommand(String agentIdText, String principal, RequestId requestId) {
    public DeleteAgentCommand {
        Objects.requireNonNull(agentIdText, "agentIdText");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(requestId, "requestId");
    }
}
