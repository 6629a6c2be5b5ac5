package dev.masker.adapters.http.metrics;

import dev.masker.adapters.http.RequestLabels;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times every request as {@code http_server_requests_seconds}, labelled by method, route template and status
 * ({@link RequestLabels}: never the concrete path), with fixed latency buckets for a Prometheus histogram.
 */
public final class HttpMetricsFilter implements Filter {
    /** The meter's name; Prometheus shows it as {@code http_server_requests_seconds_*}. */
    public static final String REQUESTS = "http.server.requests";

    // Fixed buckets, few enough that every label combination stays cheap to scrape: 5 ms to 10 s.
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
                Duration.ofSeconds(5),
        Duration.ofSeconds(10),
    };

    private final MeterRegistry registry;

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long started = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            Timer.builder(REQUESTS)
                    .description("HTTP requests by method, route template and status")
                    .tag("method", RequestLabels.method(request))
                    .tag("route", RequestLabels.route(request))
                    .tag("status", Integer.toString(RequestLabels.status(response)))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
