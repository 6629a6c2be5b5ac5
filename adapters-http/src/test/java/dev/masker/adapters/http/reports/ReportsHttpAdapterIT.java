package dev.masker.adapters.http.reports;

import static dev.masker.adapters.http.RoutedServer.assertError;
import static dev.masker.adapters.http.RoutedServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.RecordingStub;
import dev.masker.adapters.http.RoutedServer;
import dev.masker.application.port.in.GetReportQuery;
import dev.masker.application.port.in.Report;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.report.ChainProof;
import dev.masker.domain.report.ReportId;
import dev.masker.domain.report.ReportKind;
import dev.masker.domain.report.ReportPeriod;
import dev.masker.domain.report.ReportScope;
import dev.masker.domain.report.ScopeActivity;
import dev.masker.domain.report.SegmentCheck;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report routes on real routing with a stand-in use case: which scope and period each hands it, the format chosen
 * by {@code format} (a bad one reported together with the use case's own problems), the JSON and PDF answers, and the
 * admin authentication in front of them.
 */
class ReportsHttpAdapterIT {
    private static final ReportPeriod PERIOD =
            new ReportPeriod(Instant.parse("2026-05-02T00:00:00Z"), Instant.parse("2026-05-03T00:00:00Z"));
    private static final Report EMPTY = new Report(
            new ReportId(new Ulid("01J0000000000000000000REPT")),
            new ReportScope.Deployment(PERIOD),
            Optional.of(PERIOD),
            Instant.parse("2026-05-03T00:00:01Z"),
            new ScopeActivity(
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    Map.of(),
                    0,
                    0,
                    List.of(),
                    Map.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Map.of()),
            ChainProof.EMPTY,
            SegmentCheck.NONE,
            List.of());

    private static final RecordingStub<GetReportQuery, Report> REPORTS = new RecordingStub<>(query -> EMPTY);

    private static RoutedServer server;

    @BeforeAll
    static void serve() {
        server = RoutedServer.start(new ReportsHttpAdapter(REPORTS::call, RoutedServer.JSON));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void answerAsTheServiceWould() {
        // Like the service: the adapter's own problems are reported with the use case's.
        REPORTS.answerWith(query -> {
            if (!query.problems().isEmpty()) {
                throw DomainException.invalid(query.problems());
            }
            return EMPTY;
        });
    }

    @Test
    void givenAPeriod_theDeploymentsReport_handsItToTheUseCaseAndAnswersTheReportAsJson() {
        HttpResponse<String> response =
                server.asAdmin("GET", "/api/v1/reports?since=24h&until=2026-05-03T00:00:00Z", null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                new GetReportQuery(
                        ReportKind.DEPLOYMENT,
                        Optional.empty(),
                        Optional.of("24h"),
                        Optional.of("2026-05-03T00:00:00Z"),
                        List.of()),
                REPORTS.last());
        JsonNode report = json(response).get("report");
        assertEquals("rep_01J0000000000000000000REPT", report.get("id").asText());
        assertEquals(0, report.get("totals").get("events").asLong());
    }

    @Test
    void givenAnAgent_itsReport_handsTheUseCaseTheAgentAndThePeriod() {
        server.asAdmin("GET", "/api/v1/agents/agt_x/report?since=7d", null);

        assertEquals(
                new GetReportQuery(
                        ReportKind.AGENT, Optional.of("agt_x"), Optional.of("7d"), Optional.empty(), List.of()),
                REPORTS.last());
    }

    @Test
    void givenASession_itsReport_handsTheUseCaseTheSessionAndNoPeriod() {
        server.asAdmin("GET", "/api/v1/sessions/sess_x/report?since=7d&until=2026-05-03T00:00:00Z", null);

        assertEquals(
                new GetReportQuery(
                        ReportKind.SESSION, Optional.of("sess_x"), Optional.empty(), Optional.empty(), List.of()),
                REPORTS.last());
    }

    @Test
    void givenFormatPdf_theReport_isAPdfNamedAfterTheReport() {
        HttpResponse<byte[]> response = server.send(
                server.request("/api/v1/reports?format=pdf")
                        .header("Authorization", "Bearer " + RoutedServer.ADMIN_TOKEN),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("application/pdf"), response.headers().firstValue("Content-Type"));
        assertEquals(
                Optional.of("inline; filename=\"rep_01J0000000000000000000REPT.pdf\""),
                response.headers().firstValue("Content-Disposition"));
        assertEquals("%PDF-", new String(response.body(), 0, 5, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "PDF", ""})
    void givenAnUnknownFormat_theReport_answers422NamingFormat(String format) {
        JsonNode error =
                assertError(server.asAdmin("GET", "/api/v1/reports?format=" + format, null), 422, "validation_failed");

        assertEquals(
                List.of(new FieldProblem("format", "must be json or pdf")),
                REPORTS.last().problems());
        assertEquals("format", error.get("details").get(0).get("field").asText());
    }

    @Test
    void givenAnUnknownSession_itsReport_answers404() {
        REPORTS.rejectWith(ErrorCode.SESSION_NOT_FOUND);

        assertError(server.asAdmin("GET", "/api/v1/sessions/sess_nope/report", null), 404, "session_not_found");
    }

    @Test
    void givenTheAuditLogUnreachable_theReport_answers503WithRetryAfter() {
        REPORTS.rejectWith(ErrorCode.AUDIT_UNAVAILABLE);

        HttpResponse<String> response = server.asAdmin("GET", "/api/v1/reports", null);

        assertError(response, 503, "audit_unavailable");
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/api/v1/reports", "/api/v1/agents/agt_x/report", "/api/v1/sessions/sess_x/report?format=pdf"})
    void givenNoCredentials_anyReport_answers401WithoutCallingTheUseCase(String path) {
        assertError(server.send(server.request(path)), 401, "unauthenticated");
        assertEquals(List.of(), REPORTS.received());
    }

    @Test
    void givenAMethodOtherThanGet_theReport_answers405() {
        HttpResponse<String> response = server.asAdmin("POST", "/api/v1/reports", "{}");

        RoutedServer.assertMethodNotAllowed(response, "GET");
    }
}
