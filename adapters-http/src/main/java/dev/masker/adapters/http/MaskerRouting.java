package dev.masker.adapters.http;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.util.List;
import java.util.Objects;

/**
 * Puts Masker's routes together: the request id filter first, the admin authentication in front of all of
 * {@code /api/v1}, then the services, with the one error mapper behind them all. Anything no service answers is a
 * {@code not_found} in Masker's error shape.
 */
public final class MaskerRouting {
    private final RequestIdFilter requestIds;
    private final HttpErrorMapper errors;
    private final AdminAuthentication adminAuthentication;
    private final List<HttpService> services;

    public MaskerRouting(RequestIdFilter requestIds, HttpErrorMapper errors, AdminAuthentication adminAuthentication,
                         List<HttpService> services) {
        this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.adminAuthentication = Objects.requireNonNull(adminAuthentication, "adminAuthentication");
        this.services = List.copyOf(services);
    }

    /** Configures the routing builder with Masker's filters, routes and error handlers. */
    public void configure(HttpRouting.Builder routing) {
        routing.addFilter(requestIds);
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
