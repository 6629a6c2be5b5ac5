package dev.masker.adapters.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.util.List;
import java.util.Objects;

/**
 * Puts Masker's routes together: the request id filter first, then the filters that observe each request (access log,
 * metrics), the admin authentication in front of all of {@code /api/v1}, then the services, with the one error mapper
 * behind them all. Anything no service answers is a
 * {@code not_found} in Masker's error shape.
 */
public final class MaskerRouting {
    private final RequestIdFilter requestIds;
    private final List<Filter> observers;
    private final HttpErrorMapper errors;
    private final AdminAuthentication adminAuthentication;
    private final List<HttpService> services;
    private final ShutdownDrain drain;

    /**
     * @param observers filters that see every request once it is answered, after the request id is given
     * @param drain refuses new requests once a shutdown has begun
     */
    public MaskerRouting(
            RequestIdFilter requestIds,
            List<Filter> observers,
            HttpErrorMapper errors,
            AdminAuthentication adminAuthentication,
            List<HttpService> services,
            ShutdownDrain drain) {
        this.drain = Objects.requireNonNull(drain, "drain");
        this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
        this.observers = List.copyOf(observers);
        this.errors = Objects.requireNonNull(errors, "errors");
        this.adminAuthentication = Objects.requireNonNull(adminAuthentication, "adminAuthentication");
        this.services = List.copyOf(services);
    }

    /** Configures the routing builder with Masker's filters, routes and error handlers. */
    public void configure(HttpRouting.Builder routing) {
        routing.addFilter(requestIds);
        // Helidon maps errors inside the innermost filter, so each observer sees the status the caller got.
        observers.forEach(routing::addFilter);
        // After the observers, so that a refusal is logged and counted like any other answer.
        routing.addFilter(drain);
        routing.addFilter(new RequestTextFilter());
        // Registered here, ahead of every service, so that no /api/v1 route is reachable without it, whatever services
        // there are and in whatever order they come.
        routing.any("/api/v1", adminAuthentication).any("/api/v1/*", adminAuthentication);
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
