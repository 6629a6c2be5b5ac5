package dev.masker.application.port.in;

import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.report.ReportKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A report request as the caller wrote it: the scope's kind, the session or agent id (none for the deployment), the
 * period's bounds ({@code since}: {@code 1h}, {@code 24h}, {@code 7d}, {@code 30d} or an ISO-8601 instant;
 * {@code until}: an instant; ignored for a session), and problems the driving adapter already found in its own
 * parameters (the format), reported together with these.
 */
public record GetReportQuery(
        ReportKind kind,
        Optional<String> idText,
        Optional<String> since,
        Optional<String> until,
        List<FieldProblem> problems) {
    public GetReportQuery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(idText, "idText");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        problems = List.copyOf(problems);
    }
}
