package dev.masker.domain.vapi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Vapi server message, from either envelope: the documented one ({@code type}, {@code call}, {@code timestamp} at
 * the top level) or Vapi's real one ({@code {"message": {...}}}). {@code call} is empty when it is missing or is not
 * an object.
 */
public record VapiMessage(Optional<String> type, Optional<VapiCall> call, OptionalLong timestamp) {
    public static final String ASSISTANT_REQUEST = "assistant-request";

    public VapiMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public boolean isAssistantRequest() {
        return type.filter(ASSISTANT_REQUEST::equals).isPresent();
    }
}
