package dev.masker.adapters.http;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.util.List;
import java.util.Objects;

/**
 * Puts Masker's routes together: the request id filter first, then the services, with the one error mapper behind
 * them all. Anything no service answers is a {@code not_found} in Masker's error shape.
 */
public final class MaskerRouting {
    private final RequestIdFilter requestIds;
    private final HttpErrorMapper errors;
    private final List<HttpService> services;

    public MaskerRouting(RequestIdFilter requestIds, HttpErrorMapper errors, List<HttpService> services) {
        this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.services = List.copyOf(services);
    }

    /** Configures the routing builder with Masker's filters, routes and error handlers. */
    public void configure(HttpRouting.Builder routing) {
        routing.addFilter(requestIds);
        services.forEach(routing::register);
        errors.register(routing);
    }

    /**
     * The services, in the order they are registered. Read by the test that compares the routes with the OpenAPI
     * document; routing itself does not need it.
     */
    public List<HttpService> services() {
        return services;
    }
}
