package dev.masker.application.port.in;

import java.util.Objects;
import java.util.Optional;

/** Which models an agent's proxy offers: the agent id from the URL and the proxy key the caller presented (if any). */
public record ListProxyModelsQuery(String agentIdText, Optional<String> presentedKey) {
    public ListProxyModelsQuery {
        Objects.requireNonNull(agentIdText, "agentIdText");
        Objects.requireNonNull(presentedKey, "presentedKey");
    }

    @Override
    public String toString() {
        // The key is a secret: never part of a log line.
        return "ListProxyModelsQuery[agent=" + agentIdText + "]";
    }
}
