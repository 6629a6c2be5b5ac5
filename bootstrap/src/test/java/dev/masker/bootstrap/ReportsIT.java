package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 13: calls driven through the webhook and the proxy (stub upstream) and ended by Vapi's end-of-call report, then
 * the session's report (JSON and PDF), an agent's and the deployment's, each checked against what was sent and against
 * the audit rows themselves (the Merkle root recomputed here, level by level, from the stored hashes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {
    private RunningMasker masker;
    private String frontDesk;
    private String frontDeskKey;
    private String billing;
    private String billingKey;
    private String firstSession;

    @BeforeAll
    void callTwice() throws Exception {
        masker = RunningMasker.start(Map.of());
        JsonNode created = agent("front desk");
        frontDesk = created.path("id").asText();
        frontDeskKey = created.path("proxy_key").asText();
        created = agent("billing");
        billing = created.path("id").asText();
        billingKey = created.path("proxy_key").asText();

        String firstCall = "call-" + UUID.randomUUID();
        assertEquals(
                200,
                masker.webhook(frontDesk, message("assistant-request", firstCall, ""))
                        .statusCode());
        assertEquals(
                200,
                turn(frontDesk, frontDeskKey, firstCall, "Hi, this is Maria Lopez, my phone is 415-555-0132.")
                        .statusCode());
        assertEquals(
                200,
                turn(frontDesk, frontDeskKey, firstCall, "Book me in for Tuesday, Maria Lopez.")
                        .statusCode());
        awaitTurns(frontDesk, 2);
        assertEquals(
                200,
                masker.webhook(
                                frontDesk,
                                message("end-of-call-report", firstCall, ", \"endedReason\": \"customer-ended-call\""))
                        .statusCode());

        String secondCall = "call-" + UUID.randomUUID();
        assertEquals(
                200,
                masker.webhook(billing, message("assistant-request", secondCall, ""))
                        .statusCode());
        assertEquals(
                200,
                turn(billing, billingKey, secondCall, "My email is john.smith@example.com, born 03/05/1961.")
                        .statusCode());
        awaitTurns(billing, 1);
        assertEquals(
                200,
                masker.webhook(
                                billing,
                                message("end-of-call-report", secondCall, ", \"endedReason\": \"customer-ended-call\""))
                        .statusCode());
        firstSession = sessionOf(frontDesk);
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenTheSameCalls_sessionsReportAndVerifier_agreeWithWhatWasSent() {
        JsonNode listed = RunningMasker.read(masker.admin("GET", "/api/v1/agents/" + frontDesk + "/sessions", null)
                        .body())
                .path("data")
                .get(0);
        JsonNode session = RunningMasker.read(masker.admin("GET", "/api/v1/sessions/" + firstSession, null)
                        .body())
                .path("session");
        JsonNode report = RunningMasker.read(masker.admin("GET", "/api/v1/sessions/" + firstSession + "/report", null)
                        .body())
                .path("report");
        JsonNode verdict = RunningMasker.read(
                masker.admin("GET", "/api/v1/audit/verify", null).body());

        assertAll(
                () -> assertEquals(firstSession, listed.path("id").asText()),
                () -> assertEquals(2, listed.path("turns").asInt(), "two turns were sent"),
                () -> assertEquals(
                        report.at("/totals/turns").asLong(),
                        session.path("turns").asLong()),
                () -> assertEquals(
                        report.at("/totals/masked").asLong(),
                        session.path("redaction_count").asLong(),
                        report.toString()),
                () -> assertEquals(
                        "customer-ended-call",
                        session.at("/call_ended/ended_reason").asText()),
                () -> assertEquals("ok", session.path("status").asText()),
                () -> assertTrue(verdict.path("intact").asBoolean(), verdict.toString()),
                () -> assertTrue(verdict.path("events_checked").asLong()
                        >= report.at("/totals/events").asLong()));
    }

    @Test
    void givenAnEndedCall_sessionReport_countsItsTurnsAndMaskedValuesAndProvesItsEvents() throws Exception {
        HttpResponse<String> response = masker.admin("GET", "/api/v1/sessions/" + firstSession + "/report", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = RunningMasker.read(response.body()).path("report");
        List<Row> events = sessionEvents(firstSession);

        assertAll(
                () -> assertTrue(report.path("id").asText().matches("rep_[0-9A-Z]{26}"), report.toString()),
                () -> assertEquals("session", report.at("/scope/type").asText()),
                () -> assertEquals(firstSession, report.at("/scope/session_id").asText()),
                () -> assertEquals(2, report.at("/totals/turns").asLong()),
                () -> assertEquals(1, report.at("/totals/sessions").asLong()),
                () -> assertEquals(1, report.at("/totals/calls_started").asLong()),
                () -> assertEquals(1, report.at("/totals/calls_ended").asLong()),
                () -> assertEquals(4, report.at("/totals/events").asLong(), "call_started, two turns, call_ended"),
                () -> assertEquals(maskedByKind(frontDesk), kinds(report.path("masked_by_kind"))),
                () -> assertTrue(report.at("/masked_by_kind/NAME").asLong() >= 2, report.toString()),
                () -> assertTrue(report.at("/masked_by_kind/PHONE").asLong() >= 1, report.toString()),
                () -> assertEquals(0, report.at("/leak_findings/total").asLong()),
                () -> assertEquals(2, report.at("/latency_ms/mask/turns").asLong()),
                () -> assertEquals(
                        "healthcare-default", report.at("/policies/0/name").asText()),
                () -> assertEquals(
                        "healthcare-default",
                        report.at("/policies_recorded/0/name").asText()),
                () -> assertEquals(1, report.at("/policies_recorded/0/version").asInt()),
                () -> assertEquals(2, report.at("/policies_recorded/0/turns").asLong()),
                () -> assertEquals(18, report.at("/policies/0/safe_harbor").size()),
                () -> assertEquals(
                        "masked", report.at("/policies/0/safe_harbor/0/status").asText()),
                () -> assertEquals(
                        "not detected",
                        report.at("/policies/0/safe_harbor/15/status").asText()),
                () -> assertEquals(events.size(), report.at("/chain/events").asLong()),
                () -> assertEquals(
                        events.getFirst().hash(), report.at("/chain/first/hash").asText()),
                () -> assertEquals(
                        events.getLast().seq(), report.at("/chain/last/seq").asLong()),
                () -> assertEquals(
                        merkleRoot(events), report.at("/chain/merkle_root").asText()),
                () -> assertEquals("intact", report.at("/chain/verdict").asText()),
                () -> assertTrue(
                        report.at("/chain/segment_check/events_checked").asLong() >= events.size()));

        HttpResponse<byte[]> pdf = pdf("/api/v1/sessions/" + firstSession + "/report?format=pdf");
        assertEquals(200, pdf.statusCode());
        keep("session", pdf.body());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertAll(
                    () -> assertEquals(4, document.getNumberOfPages()),
                    () -> assertTrue(text.contains(firstSession), text),
                    () -> assertTrue(text.contains("AUDIT LOG INTACT"), text),
                    () -> assertTrue(text.contains("NO LEAKS FOUND"), text),
                    () -> assertTrue(text.contains("Masked under: healthcare-default version 1 (2 turns)."), text),
                    () -> assertTrue(
                            text.contains("Values masked by kind ("
                                    + report.at("/totals/masked").asLong() + " in all)"),
                            text),
                    () -> assertTrue(
                            text.contains(report.at("/chain/merkle_root").asText()), text),
                    () -> assertTrue(text.contains("Conversation turns proxied 2"), text));
        }
    }

    @Test
    void givenTwoAgents_agentAndDeploymentReports_countOnlyTheirOwnCalls() {
        JsonNode agent = report("/api/v1/agents/" + frontDesk + "/report?since=1h");
        JsonNode deployment = report("/api/v1/reports?since=1h&format=json");
        Map<String, Long> both = new TreeMap<>(maskedByKind(frontDesk));
        maskedByKind(billing).forEach((kind, count) -> both.merge(kind, count, Long::sum));
        assertAll(
                () -> assertEquals(2, agent.at("/totals/turns").asLong()),
                () -> assertEquals(1, agent.at("/totals/sessions").asLong()),
                () -> assertEquals(1, agent.at("/totals/calls_started").asLong()),
                () -> assertEquals(maskedByKind(frontDesk), kinds(agent.path("masked_by_kind"))),
                () -> assertEquals("hour", agent.at("/timeline/bucket").asText()),
                () -> assertEquals(agent.at("/totals/masked").asLong(), sum(agent.at("/timeline/buckets"))),
                () -> assertEquals(3, deployment.at("/totals/turns").asLong()),
                () -> assertEquals(2, deployment.at("/totals/sessions").asLong()),
                () -> assertEquals(2, deployment.at("/totals/calls_ended").asLong()),
                () -> assertEquals(both, kinds(deployment.path("masked_by_kind"))),
                () -> assertEquals(
                        List.of(frontDesk, billing).stream().sorted().toList(),
                        RunningMasker.JSON.convertValue(deployment.path("agent_ids"), List.class).stream()
                                .sorted()
                                .toList()),
                () -> assertEquals(2, deployment.at("/policies/0/agent_ids").size(), "one policy, both agents"),
                () -> assertEquals("intact", deployment.at("/chain/verdict").asText()));

        HttpResponse<byte[]> pdf = pdf("/api/v1/agents/" + frontDesk + "/report?since=1h&format=pdf");
        assertEquals(200, pdf.statusCode());
        keep("agent", pdf.body());
        keep("deployment", pdf("/api/v1/reports?since=7d&format=pdf").body());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }

    @Test
    void givenBadRequests_reports_answerTheDocumentedErrors() {
        assertError(404, "session_not_found", "/api/v1/sessions/sess_01JD8Q7M2K3N4P5Q6R7S8T9V0W/report");
        assertError(404, "session_not_found", "/api/v1/sessions/not-a-session/report");
        assertError(404, "agent_not_found", "/api/v1/agents/agt_01JD8Q7M2K3N4P5Q6R7S8T9V0W/report");
        HttpResponse<String> bad = masker.admin("GET", "/api/v1/reports?since=yesterday&until=later&format=xml", null);
        assertEquals(422, bad.statusCode(), bad.body());
        JsonNode details = RunningMasker.read(bad.body()).at("/error/details");
        List<String> fields = new ArrayList<>();
        details.forEach(detail -> fields.add(detail.path("field").asText()));
        assertEquals(
                List.of("format", "since", "until"), fields.stream().sorted().toList(), bad.body());
        assertError(422, "validation_failed", "/api/v1/reports?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z");
        HttpResponse<String> anonymous = masker.send(
                HttpRequest.newBuilder(masker.uri("/api/v1/reports")).GET());
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    void givenADeletedAgent_itsReport_stillWorksWithoutItsPolicy() {
        JsonNode created = agent("short-lived");
        String gone = created.path("id").asText();
        assertEquals(204, masker.admin("DELETE", "/api/v1/agents/" + gone, null).statusCode());
        JsonNode report = report("/api/v1/agents/" + gone + "/report");
        assertAll(
                () -> assertEquals(gone, report.at("/scope/agent_id").asText()),
                () -> assertEquals(
                        List.of(gone),
                        RunningMasker.JSON.convertValue(report.path("agents_without_policy"), List.class)),
                () -> assertEquals(2, report.at("/totals/events").asLong(), "agent_created and agent_deleted"));
    }

    private JsonNode agent(String name) {
        HttpResponse<String> created = masker.admin(
                "POST",
                "/api/v1/agents",
                "{\"name\": \"" + name + " " + UUID.randomUUID() + "\", \"upstream\": \"stub\"}");
        assertEquals(201, created.statusCode(), created.body());
        return RunningMasker.read(created.body()).path("agent");
    }

    private JsonNode report(String path) {
        HttpResponse<String> response = masker.admin("GET", path, null);
        assertEquals(200, response.statusCode(), response.body());
        return RunningMasker.read(response.body()).path("report");
    }

    private HttpResponse<byte[]> pdf(String path) {
        try {
            return RunningMasker.client()
                    .send(
                            HttpRequest.newBuilder(masker.uri(path))
                                    .header("Authorization", "Bearer " + RunningMasker.ADMIN_TOKEN)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaves the PDF in target/ for a person to look at (`pdftoppm -png -r 60 target/report-session.pdf page`). */
    private static void keep(String name, byte[] pdf) {
        try {
            Files.write(Path.of("target", "report-" + name + ".pdf"), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertError(int status, String code, String path) {
        HttpResponse<String> response = masker.admin("GET", path, null);
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, RunningMasker.read(response.body()).at("/error/code").asText(), response.body());
    }

    private static byte[] message(String type, String callId, String fields) {
        return ("{\"message\": {\"type\": \"" + type + "\", \"timestamp\": " + System.currentTimeMillis()
                        + ", \"call\": {\"id\": \"" + callId + "\", \"customer\": {\"number\": \"+14155550132\"}}"
                        + fields + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> turn(String agent, String key, String callId, String text) {
        String body = "{\"model\": \"stub\", \"messages\": [{\"role\": \"user\", \"content\": \"" + text + "\"}],"
                + " \"call\": {\"id\": \"" + callId + "\"}}";
        return masker.send(HttpRequest.newBuilder(masker.uri("/proxy/" + agent + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("X-Masker-Proxy-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Turn events are queued after the answer; waits until the agent's are committed. */
    private void awaitTurns(String agent, int turns) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (rows(
                                        "SELECT seq, hash, body FROM audit_event WHERE agent_id = ? AND type = 'turn_proxied' ORDER BY seq",
                                        agent)
                                .size()
                        < turns
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private String sessionOf(String agent) {
        Row ended = rows("SELECT seq, hash, body FROM audit_event WHERE agent_id = ? AND type = 'call_ended'", agent)
                .getFirst();
        return RunningMasker.read(ended.body()).at("/data/session_id").asText();
    }

    /** The values the agent's turns masked, by kind, summed here from the stored events. */
    private Map<String, Long> maskedByKind(String agent) {
        Map<String, Long> masked = new TreeMap<>();
        for (Row row :
                rows("SELECT seq, hash, body FROM audit_event WHERE agent_id = ? AND type = 'turn_proxied'", agent)) {
            for (String entry :
                    RunningMasker.read(row.body()).at("/data/masked").asText().split(",")) {
                if (!entry.isEmpty()) {
                    masked.merge(
                            entry.substring(0, entry.indexOf(':')),
                            Long.parseLong(entry.substring(entry.indexOf(':') + 1)),
                            Long::sum);
                }
            }
        }
        return masked;
    }

    private static Map<String, Long> kinds(JsonNode counts) {
        Map<String, Long> kinds = new TreeMap<>();
        counts.properties()
                .forEach(entry -> kinds.put(entry.getKey(), entry.getValue().asLong()));
        return kinds;
    }

    private static long sum(JsonNode buckets) {
        long total = 0;
        for (JsonNode bucket : buckets) {
            total += bucket.path("masked").asLong();
        }
        return total;
    }

    /** The session's events as the report defines them: its turns, its call_ended and its call's call_started. */
    private List<Row> sessionEvents(String session) {
        return rows("""
                SELECT seq, hash, body FROM audit_event
                WHERE CAST(body AS jsonb) -> 'data' ->> 'session_id' = ?
                   OR (type = 'call_started' AND CAST(body AS jsonb) -> 'data' ->> 'call_id' IN (
                       SELECT CAST(body AS jsonb) -> 'data' ->> 'call_id' FROM audit_event
                       WHERE type = 'call_ended' AND CAST(body AS jsonb) -> 'data' ->> 'session_id' = ?))
                ORDER BY seq""", session, session);
    }

    private List<Row> rows(String sql, String... params) {
        try (Connection connection = TestDatabase.connect(masker.schema());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong("seq"), result.getString("hash"), result.getString("body")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** docs/AUDIT.md's Merkle tree, level by level: leaves SHA-256(0x00 || hash), nodes SHA-256(0x01 || l || r). */
    private static String merkleRoot(List<Row> events) {
        List<byte[]> level = new ArrayList<>();
        for (Row event : events) {
            level.add(sha256(new byte[] {0}, HexFormat.of().parseHex(event.hash())));
        }
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(sha256(new byte[] {1}, level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.getLast());
            }
            level = next;
        }
        return HexFormat.of().formatHex(level.getFirst());
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(long seq, String hash, String body) {}
}
