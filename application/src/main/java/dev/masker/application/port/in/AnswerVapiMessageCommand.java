package dev.masker.application.port.in;

import dev.masker.domain.id.RequestId;
import dev.masker.domain.vapi.SignedWebhook;
import java.util.Objects;

/**
 * One webhook delivery to answer: the agent id exactly as it appeared in the URL (it is validated by the use case,
 * after the rate limit and the signature), the signed delivery and the request's id.
 */
public record AnswerVapiMessageCommand(String agentIdText, SignedWebhook delivery, RequestId requestId) {
    public AnswerVapiMessageCommand {
        Objects.requireNonNull(agentIdText, "agentIdText");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(requestId, "requestId");
    }
}
