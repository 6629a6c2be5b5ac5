package dev.masker.adapters.http.vapi;

import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.adapters.http.RequestBodies;
import dev.masker.adapters.http.RequestIdFilter;
import dev.masker.application.port.in.AnswerAssistantRequestCommand;
import dev.masker.application.port.in.AnswerAssistantRequestUseCase;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.vapi.SignedWebhook;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /vapi/webhook/{agent_id}}: hands the raw body and its signature headers to the assistant-request use case
 * and answers {@code {"assistant": {...}}}. It parses nothing itself, so nothing is read before the signature is
 * checked.
 */
public final class VapiWebhookHttpAdapter implements HttpService {
    /** The route, with its path parameter. */
    public static final String PATH = "/vapi/webhook/{agent_id}";

    private static final HeaderName VAPI_SIGNATURE = HeaderNames.create("X-Vapi-Signature");
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Signature");
    private static final HeaderName TIMESTAMP = HeaderNames.create("X-Timestamp");
    private static final HeaderName VAPI_SECRET = HeaderNames.create("X-Vapi-Secret");

    private final AnswerAssistantRequestUseCase assistantRequests;
    private final RequestBodies bodies;
    private final JsonCodec json;

    public VapiWebhookHttpAdapter(AnswerAssistantRequestUseCase assistantRequests, RequestBodies bodies, JsonCodec json) {
        this.assistantRequests = Objects.requireNonNull(assistantRequests, "assistantRequests");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(PATH, this::answer)
                .any(PATH, HttpErrorMapper.methodNotAllowed("POST"));
    }

    private void answer(ServerRequest request, ServerResponse response) {
        byte[] body = bodies.readJson(request);
        SignedWebhook delivery = new SignedWebhook(body, header(request, VAPI_SIGNATURE), header(request, SIGNATURE),
                header(request, TIMESTAMP), header(request, VAPI_SECRET));
        AssistantConfig assistant = assistantRequests.answer(new AnswerAssistantRequestCommand(
                request.path().pathParameters().get("agent_id"), delivery, RequestIdFilter.requestId(request)));
        json.send(response, Status.OK_200, Map.of("assistant", assistant.asMap()));
    }

    private static Optional<String> header(ServerRequest request, HeaderName name) {
        return request.headers().first(name);
    }
}
