package dev.masker.application.port.out;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.assistant.CallbackFailure;
import dev.masker.domain.vapi.VapiCall;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Driven port: configuration resolution — asks an agent's configuration callback for per-call assistant overrides,
 * with a signed request, within the callback's timeout.
 */
public interface FetchAssistantOverridesPort {
    /** The overrides, or why there are none. Never throws for a failing callback; never waits past its timeout. */
    CallbackOutcome fetch(ConfigCallback callback, CallbackRequest request);

    /** What the callback is told about the call. */
    record CallbackRequest(AgentId agentId, VapiCall call, OptionalLong timestamp) {
        public CallbackRequest {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }

    /** The callback's answer. */
    sealed interface CallbackOutcome {
        /** The callback answered with an assistant object to lay over the defaults. */
        record Overrides(AssistantConfig assistant) implements CallbackOutcome {}

        /** The callback gave nothing usable. */
        record Failed(CallbackFailure reason) implements CallbackOutcome {}
    }
}
