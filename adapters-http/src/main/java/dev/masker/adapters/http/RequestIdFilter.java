package dev.masker.adapters.http;

import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.domain.id.RequestId;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Gives every request Masker's own id, {@code req_} + ULID, in the request context and the {@code X-Request-Id}
 * answer header. A caller's own {@code X-Request-Id} is only logged beside it, and only when it looks like an id.
 */
public final class RequestIdFilter implements Filter {
    /** The header that carries the request id, both ways. */
    public static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");

    private static final System.Logger LOG = System.getLogger(RequestIdFilter.class.getName());
    private static final Pattern CALLER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final IdGeneratorPort ids;

    public RequestIdFilter(IdGeneratorPort ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        RequestId id = new RequestId(ids.next());
        request.context().register(id);
        response.header(REQUEST_ID, id.value());
        if (LOG.isLoggable(Level.DEBUG)) {
            request.headers()
                    .first(REQUEST_ID)
                    .filter(value -> CALLER_ID.matcher(value).matches())
                    .ifPresent(callerId -> LOG.log(Level.DEBUG, "{0} carries caller request id {1}", id, callerId));
        }
        chain.proceed();
    }

    /** The id this filter gave the request. */
    public static RequestId requestId(ServerRequest request) {
        return request.context()
                .get(RequestId.class)
                .orElseThrow(() -> new IllegalStateException("RequestIdFilter is not registered"));
    }
}
