package dev.masker.adapters.http.vapi;

import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.adapters.http.RequestBodies;
import dev.masker.adapters.http.RequestIdFilter;
import dev.masker.application.port.in.AnswerVapiMessageCommand;
import dev.masker.application.port.in.AnswerVapiMessageUseCase;
import dev.masker.application.port.in.VapiAnswer;
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
 * {@code POST /vapi/webhook/{agent_id}}: hands the raw body and its signature headers to the use case that answers
 * Vapi's server messages, and writes its answer: {@code {"assistant": {...}}} for an assistant-request, else the JSON
 * object the use case gives ({@code {}} for most). It parses nothing itself, so nothing is read before the signature is
 * checked.
 */
public final class VapiWebhookHttpAdapter implements HttpService {
    /** The route, with its path parameter. */
    public static final String PATH = "/vapi/webhook/{agent_id}";

    private static final HeaderName VAPI_SIGNATURE = HeaderNames.create("X-Vapi-Signature");
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Signature");
    private static final HeaderName TIMESTAMP = HeaderNames.create("X-Timestamp");
    private static final HeaderName VAPI_SECRET = HeaderNames.create("X-Vapi-Secret");

    private final AnswerVapiMessageUseCase vapiMessages;
    private final RequestBodies bodies;
    private final JsonCodec json;

    public VapiWebhookHttpAdapter(AnswerVapiMessageUseCase vapiMessages, RequestBodies bodies, JsonCodec json) {
        this.vapiMessages = Objects.requireNonNull(vapiMessages, "vapiMessages");
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
                header(request, TIMESTAMP), header(request, VAPI_SECRET), header(request, HeaderNames.AUTHORIZATION));
        VapiAnswer answer = vapiMessages.answer(new AnswerVapiMessageCommand(
                request.path().pathParameters().get("agent_id"), delivery, RequestIdFilter.requestId(request)));
        if (answer.relayed().isPresent()) {
            // The clinic backend's answer, byte for byte: it was checked to be a JSON object.
            json.sendBytes(response, Status.OK_200, answer.relayed().get());
            return;
        }
        json.send(response, Status.OK_200, answer.assistant().<Map<String, Object>>map(
                assistant -> Map.of("assistant", assistant.asMap())).orElse(answer.body()));
    }

    private static Optional<String> header(ServerRequest request, HeaderName name) {
        return request.headers().first(name);
    }
}
