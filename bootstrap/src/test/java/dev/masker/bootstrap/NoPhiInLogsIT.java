package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Drives every webhook path that logs — success, failing callbacks, bad input, an unavailable audit log — with a phone
 * number, a system prompt and secrets in play, and every admin sign-in path with tokens and cookies in play, and proves
 * none of them reaches a log line (nor, for tokens and cookies, an audit event).
 */
class NoPhiInLogsIT {
    private static final String PHONE = "+13125550199";
    private static final String PROMPT = "Patient Ada Lovelace has an appointment";
    private static final String CALLBACK_SECRET = "callback-secret-9876543210";

    @Test
    void givenCallsWithPhiAndSecrets_everyWebhookPath_logsNoneOfThem() {
        List<String> lines = LogCapture.during(() -> {
            try (RunningMasker masker = RunningMasker.start(Map.of())) {
                String agent = masker.createAgent(
                        """
                        {"name": "phi %s", "upstream": "stub",
                         "assistant": {"model": {"messages": [{"role": "system", "content": "%s"}]}},
                         "config_callback": {"url": "http://127.0.0.1:1/patients/%s", "secret": "%s"}}
                        """.formatted(UUID.randomUUID(), PROMPT, PHONE.substring(1), CALLBACK_SECRET));
                assertEquals(
                        200,
                        masker.webhook(agent, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), PHONE))
                                .statusCode());
                masker.webhook(
                        agent,
                        ("{\"type\":\"assistant-request\",\"call\":{\"id\":\"" + PHONE + "\"")
                                .getBytes(StandardCharsets.UTF_8));
                masker.webhook(
                        agent,
                        ("{\"type\":\"x\",\"customer\":{\"number\":\"" + PHONE + "\"}}")
                                .getBytes(StandardCharsets.UTF_8));
                masker.webhook("agt_" + PHONE, RunningMasker.assistantRequest("c", PHONE));
            }
        });

        assertTrue(
                lines.stream().anyMatch(line -> line.contains("configuration callback")),
                "the callback failure was logged, so this test saw the log");
        assertTrue(
                lines.stream().anyMatch(line -> line.contains("route=/vapi/webhook/{agent_id} status=404")),
                "the access log line of the made-up agent id was seen");
        String all = String.join("\n", lines);
        // Masker's ids, the test's random schema name, durations, the server's random port, socket ids, object hashes
        // (HikariCP's "PgConnection@701996e9") and start-up timings are the run's own numbers, not PHI (a port such as
        // 35501 or a schema it_10199c2e... would otherwise match a run of the phone number by chance).
        String withoutOwnDigits = RunningMasker.withoutOwnIds(all)
                .replaceAll(
                        "duration_ms=[0-9.]+"
                                + "|(127\\.0\\.0\\.1|localhost):[0-9]+|0x[0-9a-f]+|(?<=\\w)@[0-9a-f]{1,8}\\b|[0-9]+ milliseconds",
                        "");
        String digits = PHONE.substring(1);
        for (int start = 0; start + 4 <= digits.length(); start++) {
            String run = digits.substring(start, start + 4);
            assertFalse(
                    withoutOwnDigits.contains(run),
                    "a log line holds the digit run " + run + ": "
                            + lines.stream()
                                    .filter(line -> line.contains(run))
                                    .findFirst()
                                    .orElse(""));
        }
        assertFalse(all.contains(PROMPT), "a log line holds the system prompt");
        assertFalse(all.contains(CALLBACK_SECRET), "a log line holds the callback secret");
        assertFalse(all.contains(RunningMasker.ADMIN_TOKEN), "a log line holds the admin token");
        assertFalse(all.contains(RunningMasker.SECRET), "a log line holds the webhook secret");
    }

    @Test
    void givenSignInsAndSessions_everyAuthenticationPath_logsAndAuditsNoTokenOrCookie() {
        String wrongToken = "wrong-admin-token-5f3a9c1e7b";
        List<String> cookies = new ArrayList<>();
        List<String> audit = new ArrayList<>();
        List<String> lines = LogCapture.during(() -> {
            // Masker's own loggers at their most talkative too.
            try (RunningMasker masker = RunningMasker.start(Map.of("MASKER_LOG_LEVEL", "ALL"))) {
                assertEquals(401, masker.signIn(wrongToken).statusCode());
                String cookie = masker.signIn();
                cookies.add(cookie);
                masker.withSession(cookie, "GET", "/api/v1/auth/me", null, false);
                masker.withSession(
                        cookie,
                        "POST",
                        "/api/v1/agents",
                        "{\"name\": \"logs " + UUID.randomUUID() + "\", \"upstream\": \"stub\"}",
                        true);
                masker.withSession(cookie, "POST", "/api/v1/agents", "{}", false);
                masker.admin("GET", "/api/v1/auth/me", null);
                masker.withSession(cookie, "DELETE", "/api/v1/auth/session", null, true);
                masker.withSession(cookie, "GET", "/api/v1/auth/me", null, false);
                masker.withSession(cookie.substring(1) + "A", "GET", "/api/v1/auth/me", null, false);
                masker.withSession(wrongToken, "GET", "/api/v1/auth/me", null, false);
                masker.auditRows().forEach(row -> audit.add(row.get("body")));
            }
        });

        assertTrue(
                lines.stream().anyMatch(line -> line.contains("sign-in from")),
                "the refused sign-in was logged, so this test saw the log");
        String all = String.join("\n", lines);
        String events = String.join("\n", audit);
        assertTrue(events.contains("admin_signed_in") && events.contains("admin_signed_out"), events);
        for (String secret : List.of(RunningMasker.ADMIN_TOKEN, wrongToken, cookies.getFirst())) {
            assertFalse(
                    all.contains(secret),
                    "a log line holds a token or cookie: "
                            + lines.stream()
                                    .filter(line -> line.contains(secret))
                                    .findFirst()
                                    .orElse(""));
            assertFalse(events.contains(secret), "an audit event holds a token or cookie");
        }
    }
}
