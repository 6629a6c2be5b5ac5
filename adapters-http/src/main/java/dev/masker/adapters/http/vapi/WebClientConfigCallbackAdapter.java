package dev.masker.adapters.http.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.out.FetchAssistantOverridesPort;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.assistant.CallbackFailure;
import dev.masker.domain.error.DomainException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calls an agent's configuration callback with Helidon WebClient: a POST signed with
 * {@code X-Masker-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}, answered within the
 * callback's timeout in total (connect, wait and read together), and an answer of at most 256 KiB. Any failure is
 * an outcome, never an exception, so the use case can fall back to the static defaults.
 */
public final class WebClientConfigCallbackAdapter implements FetchAssistantOverridesPort, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WebClientConfigCallbackAdapter.class.getName());
    private static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final WebClient client;
    private final JsonCodec json;
    private final Clock clock;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public WebClientConfigCallbackAdapter(JsonCodec json, Clock clock) {
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = WebClient.builder()
                .followRedirects(false)
                .connectTimeout(ConfigCallback.MAX_TIMEOUT)
                .readTimeout(ConfigCallback.MAX_TIMEOUT)
                .build();
    }

    @Override
    public CallbackOutcome fetch(ConfigCallback callback, CallbackRequest request) {
        byte[] body = json.write(requestBody(request));
        Future<CallbackOutcome> call = calls.submit(() -> post(callback, body));
        try {
            return call.get(callback.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return failed(callback, CallbackFailure.TIMEOUT);
        } catch (ExecutionException e) {
            return failed(callback, CallbackFailure.UNREACHABLE);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return failed(callback, CallbackFailure.TIMEOUT);
        }
    }

    private CallbackOutcome post(ConfigCallback callback, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = "t=" + timestamp + ",v1=" + sign(callback.secret(), timestamp, body);
        try (HttpClientResponse answer = client.post(callback.url().toString())
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .header(HeaderValues.ACCEPT_JSON)
                .header(HeaderNames.create("X-Masker-Signature"), signature)
                .submit(body)) {
            if (answer.status().family() != io.helidon.http.Status.Family.SUCCESSFUL) {
                return failed(callback, CallbackFailure.ERROR_STATUS);
            }
            return overrides(callback, readLimited(answer));
        } catch (RuntimeException e) {
            // WebClient reports refused connections, TLS failures and resets as various runtime exceptions.
            return failed(callback, CallbackFailure.UNREACHABLE);
        }
    }

    private CallbackOutcome overrides(ConfigCallback callback, byte[] answer) {
        if (answer == null) {
            return failed(callback, CallbackFailure.INVALID_BODY);
        }
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

    private static byte[] readLimited(HttpClientResponse answer) {
        try (InputStream in = answer.inputStream()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            return bytes.length > MAX_ANSWER_BYTES ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        LOG.log(Level.WARNING, "configuration callback to host {0} failed ({1}); using the static defaults",
                callback.url().getHost(), reason.wireName());
        return new CallbackOutcome.Failed(reason);
    }

    /** The v1 signature of a callback request: lower-case hex HMAC-SHA256 over {@code "<t>.<body>"}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
