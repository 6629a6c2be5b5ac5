package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * Drives every webhook path that logs — success, failing callbacks, bad input, an unavailable audit log — with a phone
 * number, a system prompt and secrets in play, and proves none of them reaches a log line.
 */
class NoPhiInLogsIT {
    private static final String PHONE = "+13125550199";
    private static final String PROMPT = "Patient Ada Lovelace has an appointment";
    private static final String CALLBACK_SECRET = "callback-secret-9876543210";

    @Test
    void givenCallsWithPhiAndSecrets_everyWebhookPath_logsNoneOfThem() {
        List<String> lines = new CopyOnWriteArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level previous = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try (RunningMasker masker = RunningMasker.start(Map.of())) {
            String agent = masker.createAgent("""
                    {"name": "phi %s", "upstream": "stub",
                     "assistant": {"model": {"messages": [{"role": "system", "content": "%s"}]}},
                     "config_callback": {"url": "http://127.0.0.1:1/patients/%s", "secret": "%s"}}
                    """.formatted(UUID.randomUUID(), PROMPT, PHONE.substring(1), CALLBACK_SECRET));
            assertEquals(200, masker.webhook(agent, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), PHONE))
                    .statusCode());
            masker.webhook(agent, ("{\"type\":\"assistant-request\",\"call\":{\"id\":\"" + PHONE + "\"")
                    .getBytes(StandardCharsets.UTF_8));
            masker.webhook(agent, ("{\"type\":\"x\",\"customer\":{\"number\":\"" + PHONE + "\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            masker.webhook("agt_" + PHONE, RunningMasker.assistantRequest("c", PHONE));
        } finally {
            root.removeHandler(capture);
            root.setLevel(previous);
        }

        assertTrue(lines.stream().anyMatch(line -> line.contains("configuration callback")),
                "the callback failure was logged, so this test saw the log");
        assertTrue(lines.stream().anyMatch(line -> line.contains("route=/vapi/webhook/{agent_id} status=404")),
                "the access log line of the made-up agent id was seen");
        String all = String.join("\n", lines);
        // Request ids and durations (the access log has one of each per request) are Masker's own digits, not PHI.
        String withoutOwnDigits = all.replaceAll("req_[0-9A-Z]{26}|duration_ms=[0-9.]+", "");
        String digits = PHONE.substring(1);
        for (int start = 0; start + 4 <= digits.length(); start++) {
            String run = digits.substring(start, start + 4);
            assertFalse(withoutOwnDigits.contains(run), "a log line holds the digit run " + run + ": "
                    + lines.stream().filter(line -> line.contains(run)).findFirst().orElse(""));
        }
        assertFalse(all.contains(PROMPT), "a log line holds the system prompt");
        assertFalse(all.contains(CALLBACK_SECRET), "a log line holds the callback secret");
        assertFalse(all.contains(RunningMasker.ADMIN_TOKEN), "a log line holds the admin token");
        assertFalse(all.contains(RunningMasker.SECRET), "a log line holds the webhook secret");
    }
}
