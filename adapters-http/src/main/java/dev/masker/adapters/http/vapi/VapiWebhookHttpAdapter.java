package dev.masker.adapters.http.vapi;

import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.adapters.http.RequestBodies;
import dev.masker.adapters.http.RequestIdFilter;
import dev.masker.application.port.in.AnswerVapiMessageCommand;
import dev.masker.application.port.in.AnswerVapiMessageUseCase;
import dev.masker.application.port.in.VapiAnswer;
import dev.masker.domain.vapi.SignedWebhook;
import io.helidon.http.Header;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /vapi/webhook/{agent_id}}: hands the raw body and its signature headers to the use case that answers
 * Vapi's server messages, and writes its answer: {@code {"assistant": {...}}} for an assistant-request, else the JSON
 * object the use case gives ({@code {}} for most). It parses nothing itself, so nothing is read before the signature is
 * checked.
 */
public final class VapiWebhookHttpAdapter implements HttpService {
    /** The route, with its path parameter. */
    public static final String PATH = "/vapi/webhook/{agent_id}";

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
        rules.post(PATH, this::answer).any(PATH, HttpErrorMapper.methodNotAllowed("POST"));
    }

    private void answer(ServerRequest request, ServerResponse response) {
        byte[] body = bodies.readJson(request);
        SignedWebhook delivery = new SignedWebhook(body, headers(request));
        VapiAnswer answer = vapiMessages.answer(new AnswerVapiMessageCommand(
                request.path().pathParameters().get("agent_id"), delivery, RequestIdFilter.requestId(request)));
        if (answer.relayed().isPresent()) {
            // The clinic backend's answer, byte for byte: it was checked to be a JSON object.
            json.sendBytes(response, Status.OK_200, answer.relayed().get());
            return;
        }
        json.send(
                response,
                Status.OK_200,
                answer.assistant()
                        .<Map<String, Object>>map(assistant -> Map.of("assistant", assistant.asMap()))
                        .orElse(answer.body()));
    }

    /** Every header's first value: an agent's credential may name any header. */
    private static Map<String, String> headers(ServerRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : request.headers()) {
            headers.putIfAbsent(header.name(), header.get());
        }
        return headers;
    }
}
