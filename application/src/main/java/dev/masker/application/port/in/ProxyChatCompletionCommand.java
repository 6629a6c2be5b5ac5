package dev.masker.application.port.in;

import dev.masker.domain.id.RequestId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat-completions request to an agent's proxy: the agent id from the URL, the proxy key the caller presented (if
 * any), the JSON body as received and the request's id.
 */
public record ProxyChatCompletionCommand(
        String agentIdText, Optional<String> presentedKey, Map<String, Object> body, RequestId requestId) {
    public ProxyChatCompletionCommand {
        Objects.requireNonNull(agentIdText, "agentIdText");
        Objects.requireNonNull(presentedKey, "presentedKey");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(requestId, "requestId");
    }

    @Override
    public String toString() {
        // The body is the conversation, and the key a secret: neither is ever part of a log line.
        return "ProxyChatCompletionCommand[agent=" + agentIdText + ", request=" + requestId + "]";
    }
}
