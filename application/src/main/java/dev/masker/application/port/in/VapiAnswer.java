package dev.masker.application.port.in;

import dev.masker.domain.assistant.AssistantConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Masker answers a Vapi server message with (SPEC §4, step 5); every answer is a 200 with a JSON object. One of:
 * the assistant configuration for an assistant-request ({@code {"assistant": {...}}}); the clinic backend's answer to a
 * relayed message, passed on unchanged ({@code relayed}); or a JSON object Masker writes itself ({@code body}):
 * {@code {}} for most messages, or the shape Vapi reads as a failure when no backend answers a message that needs one
 * ({@code {"results": [{"toolCallId": ..., "error": ...}]}}).
 */
public record VapiAnswer(Optional<AssistantConfig> assistant, Optional<byte[]> relayed, Map<String, Object> body) {
    /** The empty object: received, nothing to say. */
    public static final VapiAnswer EMPTY = reply(Map.of());

    public VapiAnswer {
        Objects.requireNonNull(assistant, "assistant");
        Objects.requireNonNull(relayed, "relayed");
        body = Map.copyOf(body);
    }

    /** The assistant configuration for the call, its model routed through the proxy. */
    public static VapiAnswer assistant(AssistantConfig config) {
        return new VapiAnswer(Optional.of(config), Optional.empty(), Map.of());
    }

    /** The backend's JSON answer, to pass on byte for byte. */
    public static VapiAnswer relayed(byte[] json) {
        return new VapiAnswer(Optional.empty(), Optional.of(json.clone()), Map.of());
    }

    /** A JSON object of Masker's own. */
    public static VapiAnswer reply(Map<String, Object> body) {
        return new VapiAnswer(Optional.empty(), Optional.empty(), body);
    }
}
