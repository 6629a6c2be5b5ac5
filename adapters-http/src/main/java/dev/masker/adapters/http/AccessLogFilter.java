package dev.masker.adapters.http;

import dev.masker.domain.id.RequestId;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.lang.System.Logger.Level;
import java.util.Locale;

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
            double millis = (System.nanoTime() - started) / 1_000_000.0;
            String requestId = request.context().get(RequestId.class).map(RequestId::value).orElse("-");
            LOG.log(Level.INFO, String.format(Locale.ROOT, "method=%s route=%s status=%d duration_ms=%.1f request_id=%s",
                    RequestLabels.method(request), RequestLabels.route(request), RequestLabels.status(response), millis,
                    requestId));
        }
    }
}
