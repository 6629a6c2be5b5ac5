package dev.masker.adapters.http.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.out.ReadVapiMessagePort;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.vapi.VapiCall;
import dev.masker.domain.vapi.VapiMessage;
import dev.masker.domain.vapi.VapiToolCall;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Vapi server messages with Jackson, from the documented envelope ({@code type}, {@code call},
 * {@code timestamp} at the top) or Vapi's real one ({@code {"message": {...}}}).
 */
public final class JacksonVapiMessageAdapter implements ReadVapiMessagePort {
    private final JsonCodec json;

    public JacksonVapiMessageAdapter(JsonCodec json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public VapiMessage read(byte[] body) {
        JsonNode root = json.readTree(body);
        if (!root.isObject()) {
            throw DomainException.of(ErrorCode.INVALID_JSON, "The body must be a JSON object.");
        }
        JsonNode message = root.path("message").isObject() && !root.has("type") ? root.get("message") : root;
        JsonNode call = message.get("call");
        JsonNode timestamp = message.get("timestamp");
        return new VapiMessage(
                text(message.get("type")),
                call != null && call.isObject() ? Optional.of(call(call, message)) : Optional.empty(),
                timestamp != null && timestamp.canConvertToExactIntegral() && timestamp.canConvertToLong()
                        ? OptionalLong.of(timestamp.longValue())
                        : OptionalLong.empty(),
                text(message.get("endedReason")),
                instant(message.get("startedAt")),
                instant(message.get("endedAt")),
                toolCalls(message));
    }

    /** The tool calls of a {@code tool-calls} message: {@code toolCallList}, else {@code toolWithToolCallList}. */
    private static List<VapiToolCall> toolCalls(JsonNode message) {
        List<VapiToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("toolCallList")) {
            text(call.get("id"))
                    .ifPresent(id -> calls.add(
                            new VapiToolCall(id, text(call.path("function").get("name")))));
        }
        if (calls.isEmpty()) {
            for (JsonNode tool : message.path("toolWithToolCallList")) {
                JsonNode call = tool.path("toolCall");
                text(call.get("id"))
                        .ifPresent(id -> calls.add(new VapiToolCall(
                                id, text(call.path("function").get("name")).or(() -> text(tool.get("name"))))));
            }
        }
        return calls;
    }

    /** An ISO-8601 instant ({@code 2025-11-27T00:00:00.000Z}); empty when missing or malformed. */
    private static Optional<Instant> instant(JsonNode node) {
        try {
            return text(node).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static VapiCall call(JsonNode call, JsonNode message) {
        // Vapi's real envelope repeats the customer beside the call; the call's own copy wins.
        Optional<String> customer = text(call.path("customer").get("number"))
                .or(() -> text(message.path("customer").get("number")));
        return new VapiCall(text(call.get("id")), text(call.get("assistantId")), customer);
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }
}
