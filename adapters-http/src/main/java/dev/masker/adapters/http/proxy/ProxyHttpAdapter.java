package dev.masker.adapters.http.proxy;

import dev.masker.adapters.http.BearerTokens;
import dev.masker.adapters.http.ErrorResponse;
import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.adapters.http.RequestBodies;
import dev.masker.adapters.http.RequestIdFilter;
import dev.masker.application.port.in.ListProxyModelsQuery;
import dev.masker.application.port.in.ListProxyModelsUseCase;
import dev.masker.application.port.in.ProxyChatCompletionCommand;
import dev.masker.application.port.in.ProxyChatCompletionUseCase;
import dev.masker.application.port.in.ProxyChatCompletionUseCase.AnswerPart;
import dev.masker.application.port.in.ProxyChatCompletionUseCase.AnswerSink;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.RequestId;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /proxy/{agent_id}/v1/chat/completions} (and the doubled-suffix form some platforms produce): the body as
 * JSON, the proxy key from {@code X-Masker-Proxy-Key} or {@code Authorization: Bearer}. A non-streaming answer is one
 * JSON object; a streaming one is OpenAI's server-sent events — {@code data: <json>} and a blank line per chunk, each
 * flushed as it is rehydrated, ending with {@code data: [DONE]}. A failure before the first chunk is an ordinary error
 * answer; after it, one {@code data: {"error": ...}} event ends the stream.
 *
 * <p>{@code GET /proxy/{agent_id}/v1/models} lists the models the agent answers to, in OpenAI's shape, behind the same
 * key: some OpenAI clients call it before their first turn.
 */
public final class ProxyHttpAdapter implements HttpService {
    private static final System.Logger LOG = System.getLogger(ProxyHttpAdapter.class.getName());
    private static final HeaderName PROXY_KEY = HeaderNames.create(AssistantConfig.PROXY_KEY_HEADER);
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ProxyChatCompletionUseCase proxy;
    private final ListProxyModelsUseCase models;
    private final RequestBodies bodies;
    private final JsonCodec json;

    public ProxyHttpAdapter(
            ProxyChatCompletionUseCase proxy, ListProxyModelsUseCase models, RequestBodies bodies, JsonCodec json) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.models = Objects.requireNonNull(models, "models");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        for (String path : new String[] {
            "/proxy/{agent_id}/v1/chat/completions", "/proxy/{agent_id}/v1/chat/completions/chat/completions"
        }) {
            rules.post(path, this::complete).any(path, HttpErrorMapper.methodNotAllowed("POST"));
        }
        String models = "/proxy/{agent_id}/v1/models";
        rules.get(models, this::models).any(models, HttpErrorMapper.methodNotAllowed("GET"));
    }

    /** OpenAI's model list: {@code {"object": "list", "data": [{"id", "object": "model", "created", "owned_by"}]}}. */
    private void models(ServerRequest request, ServerResponse response) {
        List<String> ids = models.models(
                new ListProxyModelsQuery(request.path().pathParameters().get("agent_id"), presentedKey(request)));
        List<Map<String, Object>> data = ids.stream()
                .map(id -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("id", id);
                    model.put("object", "model");
                    // Masker does not know when the upstream's model was made; 0 is the Unix epoch, a valid integer.
                    model.put("created", 0);
                    model.put("owned_by", "masker");
                    return model;
                })
                .toList();
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        json.send(response, Status.OK_200, list);
    }

    private void complete(ServerRequest request, ServerResponse response) {
        String agentId = request.path().pathParameters().get("agent_id");
        Optional<String> key = presentedKey(request);
        byte[] raw = bodies.readJson(request);
        RequestId requestId = RequestIdFilter.requestId(request);
        Map<String, Object> body = json.readObject(raw);
        SseSink sink = new SseSink(response, requestId);
        try {
            proxy.answer(new ProxyChatCompletionCommand(agentId, key, body, requestId), sink);
        } catch (DomainException e) {
            if (!sink.started()) {
                throw e;
            }
            sink.fail(e.code(), e.getMessage());
        } catch (UncheckedIOException e) {
            // The client went away mid-answer: the upstream call is already abandoned; nothing is left to tell anyone.
            LOG.log(Level.DEBUG, "{0}: the client closed the stream", requestId);
        } catch (RuntimeException e) {
            if (!sink.started()) {
                throw e;
            }
            LOG.log(
                    Level.ERROR,
                    "{0} failed mid-stream: {1}",
                    requestId,
                    e.getClass().getName());
            sink.fail(
                    ErrorCode.INTERNAL_ERROR, "Something went wrong; the request id identifies it in the server log.");
        }
    }

    private static Optional<String> presentedKey(ServerRequest request) {
        Optional<String> header = request.headers().first(PROXY_KEY);
        if (header.isPresent()) {
            return header;
        }
        return BearerTokens.credential(request.headers().first(HeaderNames.AUTHORIZATION));
    }

    /** Writes the answer: one JSON object, or server-sent events opened by the first chunk. */
    private final class SseSink implements AnswerSink {
        private final ServerResponse response;
        private final RequestId requestId;
        private OutputStream events;

        SseSink(ServerResponse response, RequestId requestId) {
            this.response = response;
            this.requestId = requestId;
        }

        boolean started() {
            return events != null;
        }

        @Override
        public void accept(AnswerPart part) {
            switch (part) {
                case AnswerPart.Whole whole -> json.send(response, Status.OK_200, whole.answer());
                case AnswerPart.Chunk chunk -> chunk(chunk.chunk());
                case AnswerPart.Done done -> done();
            }
        }

        private void chunk(Map<String, Object> chunk) {
            byte[] bytes = json.write(chunk);
            try {
                OutputStream out = open();
                out.write(DATA);
                out.write(bytes);
                out.write(END_OF_EVENT);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void done() {
            try {
                OutputStream out = open();
                out.write(DONE);
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Ends a started stream with an error event in OpenAI's shape. */
        void fail(ErrorCode code, String message) {
            ErrorResponse error = new ErrorResponse(new ErrorResponse.Error(
                    code.wireName(), message, requestId.value(), List.of(), HttpErrorMapper.openAiType(code), null));
            try {
                events.write(DATA);
                events.write(json.write(error));
                events.write(END_OF_EVENT);
                events.close();
            } catch (IOException | UncheckedIOException e) {
                LOG.log(Level.DEBUG, "{0}: the client closed the stream before the error event", requestId);
            }
        }

        private OutputStream open() {
            if (events == null) {
                response.status(Status.OK_200);
                response.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8"));
                response.header(HeaderNames.CACHE_CONTROL, "no-cache");
                response.header(HeaderNames.create("X-Accel-Buffering"), "no");
                events = response.outputStream();
            }
            return events;
        }
    }
}
