package dev.masker.application.port.in;

/** Builds a compliance report (a session's, an agent's over a period, or the deployment's) from the audit log. */
public interface GetReportUseCase {
    /**
     * The report, computed now from the audit log.
     *
     * @throws dev.masker.domain.error.DomainException {@code session_not_found} or {@code agent_not_found} (malformed,
     *         unknown), {@code validation_failed} (the period or the query's own problems), {@code audit_unavailable}
     */
    Report report(GetReportQuery query);
}
