package dev.masker.adapters.http;

import dev.masker.domain.id.RequestId;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.lang.System.Logger.Level;

/**
 * One line per request on the logger {@value #LOGGER_NAME} at INFO: method, route template, status, duration and
 * Masker's request id. Nothing the caller wrote is in it — no concrete path (it holds an agent id), no query, no
 * header, no body — so the line can never carry PHI or a secret (SPEC §8).
 */
public final class AccessLogFilter implements Filter {
    /** The logger the lines go to; it sits under {@code dev.masker}, so {@code MASKER_LOG_LEVEL} governs it. */
    public static final String LOGGER_NAME = "dev.masker.access";

    private static final System.Logger LOG = System.getLogger(LOGGER_NAME);

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (!LOG.isLoggable(Level.INFO)) {
            chain.proceed();
            return;
        }
        long started = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long tenthsOfMillis = (System.nanoTime() - started) / 100_000;
            String requestId =
                    request.context().get(RequestId.class).map(RequestId::value).orElse("-");
            // Built by hand: String.format costs more than the rest of the line on a hot path.
            LOG.log(
                    Level.INFO,
                    "method=" + RequestLabels.method(request) + " route=" + RequestLabels.route(request)
                            + " status=" + RequestLabels.status(response) + " duration_ms=" + tenthsOfMillis / 10 + "."
                            + tenthsOfMillis % 10 + " request_id=" + requestId);
        }
    }
}
