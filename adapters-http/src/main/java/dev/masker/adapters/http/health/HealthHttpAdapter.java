package dev.masker.adapters.http.health;

import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.in.CheckReadinessUseCase;
import dev.masker.application.port.in.Readiness;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Objects;

/** {@code GET /health} (the process answers) and {@code GET /health/ready} (its stores answer too). */
public final class HealthHttpAdapter implements HttpService {
    private final CheckReadinessUseCase readiness;
    private final JsonCodec json;

    public HealthHttpAdapter(CheckReadinessUseCase readiness, JsonCodec json) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::live)
                .any("/health", HttpErrorMapper.methodNotAllowed("GET"))
                .get("/health/ready", this::ready)
                .any("/health/ready", HttpErrorMapper.methodNotAllowed("GET"));
    }

    private void live(ServerRequest request, ServerResponse response) {
        json.send(response, Status.OK_200, Map.of("status", "up"));
    }

    private void ready(ServerRequest request, ServerResponse response) {
        Readiness report = readiness.check();
        json.send(
                response,
                report.ready() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503,
                new HealthResponse(report.ready() ? "up" : "down", report.checks()));
    }

    /** The readiness answer: overall status and each store's. */
    public record HealthResponse(String status, Map<String, Boolean> checks) {}
}
