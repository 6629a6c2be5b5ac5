package dev.masker.application.port.in;

import java.util.Objects;

/** The agent id exactly as the caller wrote it. */
public record GetAgentQuery(String agentIdText) {
    public GetAgentQuery {
        Objects.requireNonNull(agentIdText, "agentIdText");
    }
}
