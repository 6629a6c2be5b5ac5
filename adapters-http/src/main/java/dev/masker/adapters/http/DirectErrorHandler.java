package dev.masker.adapters.http;

import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.RequestId;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.util.List;
import java.util.Objects;

/**
 * Masker's answer to what the web server refuses before any route or filter runs (a request line it cannot parse, one
 * too long, an unsupported protocol version): the same error body and {@code X-Request-Id} as every other error. The
 * web server's own message is never sent: it may quote the request.
 */
public final class DirectErrorHandler implements DirectHandler {
    private final IdGeneratorPort ids;
    private final JsonCodec json;

    public DirectErrorHandler(IdGeneratorPort ids, JsonCodec json) {
        this.ids = Objects.requireNonNull(ids, "ids");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status defaultStatus,
            ServerResponseHeaders responseHeaders,
            String message) {
        ErrorCode code = HttpErrorMapper.codeOf(defaultStatus);
        String requestId = new RequestId(ids.next()).value();
        byte[] body = json.write(new ErrorResponse(
                new ErrorResponse.Error(code.wireName(), HttpErrorMapper.messageFor(code), requestId, List.of())));
        responseHeaders.set(HeaderValues.CONTENT_TYPE_JSON);
        responseHeaders.set(HeaderNames.CACHE_CONTROL, "no-store");
        responseHeaders.set(RequestIdFilter.REQUEST_ID, requestId);
        responseHeaders.remove(HeaderNames.CONTENT_LENGTH);
        return TransportResponse.builder()
                .status(HttpErrorMapper.status(code))
                .headers(responseHeaders)
                .entity(body)
                .keepAlive(false)
                .build();
    }
}
