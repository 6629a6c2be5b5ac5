package dev.masker.adapters.http;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first part of a shutdown: once {@link #begin} is called, every new request (on a kept-alive connection, or a new
 * one while the listener still accepts) answers 503 {@code unavailable} with {@code Retry-After} and
 * {@code Connection: close}, so that a client or load balancer moves to another instance instead of meeting a
 * connection closed in silence. Requests already under way are not touched and finish.
 */
public final class ShutdownDrain implements Filter {
    private final AtomicBoolean draining = new AtomicBoolean();

    /** From now on, new requests are refused. */
    public void begin() {
        draining.set(true);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (draining.get()) {
            response.header(HeaderValues.CONNECTION_CLOSE);
            throw DomainException.of(ErrorCode.UNAVAILABLE, "Masker is shutting down; retry shortly.");
        }
        chain.proceed();
    }
}
