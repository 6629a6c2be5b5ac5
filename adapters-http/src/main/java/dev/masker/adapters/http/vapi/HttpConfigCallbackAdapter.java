package dev.masker.adapters.http.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.out.FetchAssistantOverridesPort;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.assistant.CallbackFailure;
import dev.masker.domain.error.DomainException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Calls an agent's configuration callback with the JDK's HTTP client: a POST signed with
 * {@code X-Masker-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}, answered within the
 * callback's timeout in total (connect, wait and read together), and an answer of at most 256 KiB. Any failure is
 * an outcome, never an exception, so the use case can fall back to the static defaults.
 */
public final class HttpConfigCallbackAdapter implements FetchAssistantOverridesPort, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpConfigCallbackAdapter.class.getName());
    private static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final SignedPosts posts;
    private final JsonCodec json;

    public HttpConfigCallbackAdapter(JsonCodec json, Clock clock) {
        this.json = Objects.requireNonNull(json, "json");
        this.posts = new SignedPosts(ConfigCallback.MAX_TIMEOUT, clock);
    }

    @Override
    public CallbackOutcome fetch(ConfigCallback callback, CallbackRequest request) {
        byte[] body = json.write(requestBody(request));
        return posts.within(
                callback.timeout(),
                () -> post(callback, body),
                reason -> failed(
                        callback, "timeout".equals(reason) ? CallbackFailure.TIMEOUT : CallbackFailure.UNREACHABLE));
    }

    private CallbackOutcome post(ConfigCallback callback, byte[] body) throws IOException, InterruptedException {
        return switch (posts.post(callback.url(), callback.secret(), body, MAX_ANSWER_BYTES)) {
            case SignedPosts.Answer.Body answer -> overrides(callback, answer.bytes());
            case SignedPosts.Answer.TooLong tooLong -> failed(callback, CallbackFailure.INVALID_BODY);
            case SignedPosts.Answer.ErrorStatus status -> failed(callback, CallbackFailure.ERROR_STATUS);
        };
    }

    private CallbackOutcome overrides(ConfigCallback callback, byte[] answer) {
        try {
            JsonNode root = json.readTree(answer);
            JsonNode assistant = root.get("assistant");
            if (!root.isObject() || assistant == null || !assistant.isObject()) {
                return failed(callback, CallbackFailure.INVALID_BODY);
            }
            return new CallbackOutcome.Overrides(AssistantConfig.of(json.toMap(assistant)));
        } catch (DomainException | IllegalArgumentException e) {
            return failed(callback, CallbackFailure.INVALID_BODY);
        }
    }

    private static Map<String, Object> requestBody(CallbackRequest request) {
        Map<String, Object> call = new LinkedHashMap<>();
        request.call().id().ifPresent(id -> call.put("id", id));
        request.call().assistantId().ifPresent(id -> call.put("assistantId", id));
        request.call().customerNumber().ifPresent(number -> call.put("customer", Map.of("number", number)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent_id", request.agentId().value());
        body.put("call", call);
        request.timestamp().ifPresent(timestamp -> body.put("timestamp", timestamp));
        return body;
    }

    private static CallbackOutcome failed(ConfigCallback callback, CallbackFailure reason) {
        // The host only: a callback URL's path or query could carry an operator's identifiers.
        LOG.log(
                Level.WARNING,
                "configuration callback to host {0} failed ({1}); using the static defaults",
                callback.url().getHost(),
                reason.wireName());
        return new CallbackOutcome.Failed(reason);
    }

    /** The v1 signature of a callback request: lower-case hex HMAC-SHA256 over {@code "<t>.<body>"}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return SignedPosts.sign(secret, timestamp, body);
    }

    @Override
    public void close() {
        posts.close();
    }
}
