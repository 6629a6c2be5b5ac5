package dev.masker.adapters.http.metrics;

import dev.masker.adapters.http.BearerTokens;
import dev.masker.adapters.http.HttpErrorMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /metrics}: every meter of the registry in the Prometheus text exposition format 0.0.4. Open when no
 * metrics token is configured; otherwise only with {@code Authorization: Bearer <metrics token>}, a credential of its
 * own so that a scraper never holds the admin token.
 */
public final class MetricsHttpAdapter implements HttpService {
    /** The route. */
    public static final String PATH = "/metrics";
    /** The text format every Prometheus version reads. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final Optional<BearerTokens> tokens;

    /** @param tokens the metrics tokens; empty: the route is open */
    public MetricsHttpAdapter(PrometheusMeterRegistry registry, List<String> tokens) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tokens = tokens.isEmpty() ? Optional.empty() : Optional.of(new BearerTokens(tokens, "metrics token"));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::scrape).any(PATH, HttpErrorMapper.methodNotAllowed("GET"));
    }

    private void scrape(ServerRequest request, ServerResponse response) {
        tokens.ifPresent(required -> required.require(request));
        response.status(Status.OK_200);
        response.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        response.send(registry.scrape(CONTENT_TYPE).getBytes(StandardCharsets.UTF_8));
    }
}
