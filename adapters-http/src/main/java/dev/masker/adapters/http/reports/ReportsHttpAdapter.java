package dev.masker.adapters.http.reports;

import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.in.GetReportQuery;
import dev.masker.application.port.in.GetReportUseCase;
import dev.masker.application.port.in.Report;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.report.ReportKind;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compliance reports (SPEC §8, issue 13) behind the admin authentication that guards all of {@code /api/v1}: a
 * session's, an agent's over a period and the deployment's, built from the audit log on every request, as JSON
 * ({@code format=json}, the default) or PDF ({@code format=pdf}).
 */
public final class ReportsHttpAdapter implements HttpService {
    private static final String FORMAT_PROBLEM = "must be json or pdf";

    private final GetReportUseCase reports;
    private final JsonCodec json;

    public ReportsHttpAdapter(GetReportUseCase reports, JsonCodec json) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/sessions/{id}/report", (request, response) -> report(request, response, ReportKind.SESSION))
                .any("/api/v1/sessions/{id}/report", HttpErrorMapper.methodNotAllowed("GET"))
                .get("/api/v1/agents/{id}/report", (request, response) -> report(request, response, ReportKind.AGENT))
                .any("/api/v1/agents/{id}/report", HttpErrorMapper.methodNotAllowed("GET"))
                .get("/api/v1/reports", (request, response) -> report(request, response, ReportKind.DEPLOYMENT))
                .any("/api/v1/reports", HttpErrorMapper.methodNotAllowed("GET"));
    }

    private void report(ServerRequest request, ServerResponse response, ReportKind kind) {
        var query = request.query();
        List<FieldProblem> problems = new ArrayList<>();
        String format = query.first("format").orElse("json");
        if (!format.equals("json") && !format.equals("pdf")) {
            problems.add(new FieldProblem("format", FORMAT_PROBLEM));
        }
        boolean periodic = kind != ReportKind.SESSION;
        Optional<String> id = kind == ReportKind.DEPLOYMENT
                ? Optional.empty()
                : Optional.of(request.path().pathParameters().get("id"));
        Report report = reports.report(new GetReportQuery(
                kind,
                id,
                periodic ? query.first("since").asOptional() : Optional.empty(),
                periodic ? query.first("until").asOptional() : Optional.empty(),
                problems));
        if (format.equals("pdf")) {
            response.status(Status.OK_200);
            response.header(HeaderNames.CONTENT_TYPE, "application/pdf");
            response.header(HeaderNames.CACHE_CONTROL, "no-store");
            response.header(
                    HeaderNames.CONTENT_DISPOSITION,
                    "inline; filename=\"" + report.id().value() + ".pdf\"");
            response.send(ReportPdf.render(report));
            return;
        }
        json.send(response, Status.OK_200, Map.of("report", ReportJson.of(report)));
    }
}
