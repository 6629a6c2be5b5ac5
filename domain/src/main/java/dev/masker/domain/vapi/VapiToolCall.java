package dev.masker.domain.vapi;

import java.util.Objects;
import java.util.Optional;

/** One tool call of a {@code tool-calls} message: its id, which Vapi's answer must name, and the tool's name. */
public record VapiToolCall(String id, Optional<String> name) {
    public VapiToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
