package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.bootstrap.cli.MaskerCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/audit/verify} and {@code /api/v1/audit/export} on a running server, and {@code masker audit
 * verify|export} against them: the admin token is required, an export verifies offline, bad bounds are 422, and a
 * row edited in the database with the triggers off is found by the route and the CLI. Each test has its own server and
 * schema, so its own chain.
 */
class AuditChainIT {
    private static final int AGENTS = 3;
    /** The vault retention's purge at start, then the agents created. */
    private static final int EVENTS = 1 + AGENTS;

    private RunningMasker masker;

    @TempDir
    private Path directory;

    private record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void startWithThreeAgentsCreated() {
        masker = RunningMasker.start(Map.of());
        for (int i = 0; i < AGENTS; i++) {
            masker.createAgent("{\"name\":\"audit " + UUID.randomUUID() + "\",\"upstream\":\"stub\"}");
        }
    }

    @AfterEach
    void stop() {
        masker.close();
    }

    @Test
    void givenNoCredentials_auditRoutes_answer401() {
        for (String path : List.of("/api/v1/audit/verify", "/api/v1/audit/export")) {
            HttpResponse<String> response =
                    masker.send(HttpRequest.newBuilder(masker.uri(path)).GET());

            assertEquals(401, response.statusCode(), path);
            assertEquals(
                    "unauthenticated",
                    RunningMasker.read(response.body())
                            .path("error")
                            .path("code")
                            .asText());
        }
    }

    @Test
    void givenAnIntactLog_verify_answersIntactWithTheEventsAndTheHead() {
        HttpResponse<String> response = masker.admin("GET", "/api/v1/audit/verify", null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = RunningMasker.read(response.body());
        assertTrue(result.path("intact").asBoolean(), response.body());
        assertEquals(EVENTS, result.path("events_checked").asLong());
        assertEquals(EVENTS, result.path("head").path("seq").asLong());
        assertEquals(headHash(), result.path("head").path("hash").asText());
        assertTrue(result.path("first_break").isNull(), response.body());
        assertTrue(result.path("verified_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals(405, masker.admin("POST", "/api/v1/audit/verify", "{}").statusCode());
    }

    @Test
    void givenAnIntactLog_cliExportThenVerifyFile_agreesWithTheServer() throws Exception {
        Path export = directory.resolve("export.jsonl");

        Run exported = cli(
                "audit",
                "export",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--since",
                "2000-01-01T00:00:00Z",
                "--out",
                export.toString());
        Run checked = cli("audit", "verify", "--file", export.toString());
        Run online = cli("audit", "verify", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN);

        assertEquals(0, exported.exitCode(), exported.err());
        assertTrue(
                exported.err().contains("Exported " + EVENTS + " events (seq 1 to " + EVENTS + ") to " + export),
                exported.err());
        List<String> lines = Files.readAllLines(export);
        assertEquals(EVENTS, lines.size());
        JsonNode first = RunningMasker.read(lines.getFirst());
        assertEquals(List.of("seq", "prev_hash", "hash", "body"), fieldNames(first));
        assertEquals(
                masker.auditRows().getFirst().get("body"), first.path("body").asText());
        assertEquals(0, checked.exitCode(), checked.out());
        assertTrue(checked.out().contains("Head:          seq " + EVENTS + ", hash " + headHash()), checked.out());
        assertEquals(0, online.exitCode(), online.out() + online.err());
        assertTrue(online.out().contains("The audit chain is intact: " + EVENTS + " events checked."), online.out());
        assertTrue(online.out().contains("Head:     seq " + EVENTS + ", hash " + headHash()), online.out());
    }

    @Test
    void givenAPeriodAfterEveryEvent_export_isEmpty() {
        HttpResponse<String> response = masker.admin("GET", "/api/v1/audit/export?since=2999-01-01T00:00:00Z", null);

        assertEquals(200, response.statusCode());
        assertEquals(
                "application/x-ndjson",
                response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("", response.body());
    }

    @Test
    void givenBadBounds_export_answers422NamingTheParameter() {
        HttpResponse<String> notATime = masker.admin("GET", "/api/v1/audit/export?since=yesterday", null);
        HttpResponse<String> backwards =
                masker.admin("GET", "/api/v1/audit/export?since=2026-05-02T00:00:00Z&until=2026-05-01T00:00:00Z", null);
        Run cli = cli(
                "audit", "export", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN, "--since", "yesterday");

        assertEquals(422, notATime.statusCode(), notATime.body());
        JsonNode error = RunningMasker.read(notATime.body()).path("error");
        assertEquals("validation_failed", error.path("code").asText());
        assertEquals("since", error.path("details").path(0).path("field").asText());
        assertEquals(422, backwards.statusCode(), backwards.body());
        assertEquals(
                "until",
                RunningMasker.read(backwards.body())
                        .path("error")
                        .path("details")
                        .path(0)
                        .path("field")
                        .asText());
        assertEquals(1, cli.exitCode());
        assertTrue(cli.err().contains("Masker refused (422 validation_failed)"), cli.err());
        assertTrue(cli.err().contains("since: must be an RFC 3339 time"), cli.err());
    }

    @Test
    void givenABodyEditedWithTheTriggersOff_verify_findsItAndTheCliExits1() throws SQLException {
        try (Connection connection = TestDatabase.connect(masker.schema());
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            assertEquals(
                    1,
                    statement.executeUpdate(
                            "UPDATE audit_event SET body = replace(body, '\"false\"', '\"true\"') WHERE seq = 2"));
            statement.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
        }

        HttpResponse<String> response = masker.admin("GET", "/api/v1/audit/verify", null);
        Run cli = cli("audit", "verify", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN);

        assertEquals(200, response.statusCode());
        JsonNode result = RunningMasker.read(response.body());
        assertFalse(result.path("intact").asBoolean(true), response.body());
        assertEquals(2, result.path("first_break").path("seq").asLong(), response.body());
        assertEquals(1, result.path("events_checked").asLong());
        assertEquals(EVENTS, result.path("head").path("seq").asLong());
        assertEquals(1, cli.exitCode(), cli.out() + cli.err());
        assertTrue(cli.out().contains("The audit chain is BROKEN at event 2: "), cli.out());
    }

    @Test
    void givenARowDeletedWithTheTriggersOff_anExportOfIt_failsOfflineAtThatEvent() throws Exception {
        try (Connection connection = TestDatabase.connect(masker.schema());
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            assertEquals(1, statement.executeUpdate("DELETE FROM audit_event WHERE seq = 2"));
            statement.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
        }
        Path export = directory.resolve("export.jsonl");

        Run exported = cli(
                "audit",
                "export",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--out",
                export.toString());
        Run checked = cli("audit", "verify", "--file", export.toString());

        assertEquals(0, exported.exitCode(), exported.err());
        assertEquals(1, checked.exitCode(), checked.out());
        assertTrue(
                checked.out().contains("BROKEN at line 2 (event 2): event 2 is missing: event 3 follows event 1"),
                checked.out());
    }

    private String server() {
        return "http://127.0.0.1:" + masker.port();
    }

    private String headHash() {
        try (Connection connection = TestDatabase.connect(masker.schema());
                Statement statement = connection.createStatement();
                var head = statement.executeQuery("SELECT hash FROM audit_chain_head")) {
            head.next();
            return head.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MaskerCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
