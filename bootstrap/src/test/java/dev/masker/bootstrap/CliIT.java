package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.bootstrap.cli.MaskerCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code masker agents create|get} against a running server, with their exit codes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIT {
    private RunningMasker masker;

    private record Run(int exitCode, String out, String err) {}

    @BeforeAll
    void start() {
        masker = RunningMasker.start(Map.of());
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenRunningServer_agentsCreate_printsTheVapiUrlsAndGetFindsIt() {
        Run created = run(
                "agents",
                "create",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--name",
                "cli " + UUID.randomUUID(),
                "--upstream",
                "stub",
                "--assistant",
                "{\"firstMessage\":\"Hi\"}",
                "--allowed-models",
                "stub-large,stub-small");

        assertEquals(0, created.exitCode(), created.err());
        Matcher id = Pattern.compile("Agent (agt_[0-9A-Z]{26})").matcher(created.out());
        assertTrue(id.find(), created.out());
        assertTrue(created.out().contains(RunningMasker.PUBLIC_URL + "/vapi/webhook/" + id.group(1)));
        // The base URL Vapi expects: it appends /chat/completions itself.
        assertTrue(
                created.out()
                        .contains("Custom LLM URL: " + RunningMasker.PUBLIC_URL + "/proxy/" + id.group(1) + "/v1\n"),
                created.out());
        assertTrue(
                Pattern.compile("Proxy key: +mpk_[0-9a-f]{64}")
                        .matcher(created.out())
                        .find(),
                created.out());
        Run shown = run("agents", "get", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN, id.group(1));
        assertTrue(
                shown.out().contains("Proxy sessions:      0 in 24 h, 0 in 7 days; PHI values masked: 0 in 24 h"),
                shown.out());
        assertTrue(shown.out().contains("Allowed models:      stub-large, stub-small"), shown.out());
        assertTrue(shown.out().contains("Policy:              healthcare-default"), shown.out());
        assertTrue(shown.out().contains("Assistant fields:    firstMessage"), shown.out());

        Run fetched =
                run("agents", "get", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN, "--json", id.group(1));
        assertEquals(0, fetched.exitCode(), fetched.err());
        assertEquals(
                "Hi",
                RunningMasker.read(fetched.out())
                        .path("agent")
                        .path("assistant")
                        .path("firstMessage")
                        .asText());
        assertEquals(
                "[\"stub-large\",\"stub-small\"]",
                RunningMasker.read(fetched.out())
                        .path("agent")
                        .path("allowed_models")
                        .toString());
    }

    @Test
    void givenAnAgent_agentsListUpdateDelete_manageIt() {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Run created = run(
                "agents",
                "create",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--name",
                name,
                "--callback-url",
                "https://clinic.example/cb",
                "--callback-secret",
                "callback-secret-0123456789");
        Matcher id = Pattern.compile("Agent (agt_[0-9A-Z]{26})").matcher(created.out());
        assertTrue(id.find(), created.out() + created.err());

        Run listed = run(
                "agents",
                "list",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--name-contains",
                name.toUpperCase());
        Run updated = run(
                "agents",
                "update",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--upstream",
                "stub",
                "--remove-callback",
                "--json",
                id.group(1));
        Run deleted = run("agents", "delete", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN, id.group(1));
        Run gone = run("agents", "get", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN, id.group(1));

        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().startsWith(id.group(1)), listed.out());
        assertEquals(0, updated.exitCode(), updated.err());
        assertEquals(
                "stub",
                RunningMasker.read(updated.out()).path("agent").path("upstream").asText());
        assertTrue(RunningMasker.read(updated.out())
                .path("agent")
                .path("config_callback")
                .isNull());
        assertEquals(0, deleted.exitCode(), deleted.err());
        assertEquals(1, gone.exitCode());
    }

    @Test
    void givenEveryCommand_help_describesItAndExitsZero() {
        for (String[] command : new String[][] {
            {"--help"},
            {"serve", "--help"},
            {"agents", "--help"},
            {"agents", "create", "--help"},
            {"agents", "list", "--help"},
            {"agents", "get", "--help"},
            {"agents", "update", "--help"},
            {"agents", "delete", "--help"},
            {"sessions", "list", "--help"},
            {"sessions", "get", "--help"}
        }) {
            Run help = run(command);
            assertEquals(0, help.exitCode(), String.join(" ", command));
            assertTrue(help.out().startsWith("Usage: masker"), help.out());
        }
    }

    @Test
    void givenAProxiedTurn_sessionsListAndGet_showItsCountsAndNoValue() throws InterruptedException {
        Run created = run(
                "agents",
                "create",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--name",
                "cli sessions " + System.nanoTime(),
                "--upstream",
                "stub",
                "--json");
        JsonNode agent = RunningMasker.read(created.out()).path("agent");
        String agentId = agent.path("id").asText();
        assertEquals(
                200,
                masker.send(
                                HttpRequest.newBuilder(masker.uri("/proxy/" + agentId + "/v1/chat/completions"))
                                        .header("Content-Type", "application/json")
                                        .header(
                                                "X-Masker-Proxy-Key",
                                                agent.path("proxy_key").asText())
                                        .POST(
                                                HttpRequest.BodyPublishers.ofString(
                                                        "{\"model\": \"stub\", \"messages\": [{\"role\": "
                                                                + "\"user\", \"content\": \"This is Maria Lopez, 415-555-0132.\"}], \"call\": {\"id\": \"c-1\"}}")))
                        .statusCode());
        Run list =
                run("sessions", "list", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN, "--agent", agentId);
        for (int attempt = 0; attempt < 50 && !list.out().contains("1 turns"); attempt++) {
            Thread.sleep(50); // the turn's audit event is queued after the answer
            list = run(
                    "sessions", "list", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN, "--agent", agentId);
        }
        Matcher id = Pattern.compile("(sess_[0-9A-Z]{26})").matcher(list.out());

        assertEquals(0, list.exitCode(), list.err());
        assertTrue(id.find(), list.out());
        assertTrue(list.out().contains("ok  1 turns  2 masked"), list.out());
        Run get = run("sessions", "get", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN, id.group(1));
        assertEquals(0, get.exitCode(), get.err());
        assertTrue(get.out().contains("Policy:       healthcare-default v1"), get.out());
        assertTrue(get.out().contains("Masked:       2 (NAME 1, PHONE 1)"), get.out());
        assertFalse(
                get.out().contains("Maria")
                        || RunningMasker.holdsNumber(get.out(), "0132")
                        || list.out().contains("Maria"),
                get.out());
        Run unknown = run("sessions", "get", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN, "sess_nope");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("session_not_found"), unknown.err());
    }

    @Test
    void givenRefusal_agentsCommands_exitOneWithTheErrorCode() {
        Run unknown = run("agents", "get", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN, "agt_nope");
        Run badToken = run("agents", "get", "--server", server(), "--token", "wrong-token-0123456789", "agt_nope");

        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("agent_not_found"), unknown.err());
        assertEquals(1, badToken.exitCode());
        assertTrue(badToken.err().contains("unauthenticated"), badToken.err());
    }

    @Test
    void givenAMisspelledAssistantField_agentsCreate_printsTheFieldAndVapisNameAndExitsOne() {
        Run refused = run(
                "agents",
                "create",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--name",
                "cli typo " + UUID.randomUUID(),
                "--upstream",
                "stub",
                "--assistant",
                "{\"firstMesage\":\"Hi\"}");

        assertEquals(1, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("validation_failed"), refused.err());
        assertTrue(
                refused.err()
                        .contains(
                                "  assistant.firstMesage: is not a field of Vapi's assistant; did you mean \"firstMessage\"?"),
                refused.err());
    }

    @Test
    void givenBadUsage_agentsCreate_exitsTwo() {
        assertEquals(
                2,
                run("agents", "create", "--server", server(), "--token", RunningMasker.ADMIN_TOKEN)
                        .exitCode());
        assertEquals(
                2,
                run(
                                "agents",
                                "create",
                                "--server",
                                server(),
                                "--token",
                                RunningMasker.ADMIN_TOKEN,
                                "--name",
                                "x",
                                "--assistant",
                                "{not json")
                        .exitCode());
        Run missingFile = run(
                "agents",
                "create",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--name",
                "x",
                "--assistant",
                "@/no/such/assistant.json");
        assertEquals(2, missingFile.exitCode());
        assertTrue(missingFile.err().contains("cannot read /no/such/assistant.json (no such file)"), missingFile.err());
        assertFalse(missingFile.err().contains("Exception"), missingFile.err());
        Run emptyUpdate = run(
                "agents",
                "update",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "agt_01JD8Q7M2K3N4P5Q6R7S8T9V0W");
        assertEquals(2, emptyUpdate.exitCode());
        assertTrue(emptyUpdate.err().contains("Nothing to update"), emptyUpdate.err());
    }

    @Test
    void givenNoServer_agentsGet_exitsThree() {
        Run run = run("agents", "get", "--server", "http://127.0.0.1:1", "--token", RunningMasker.ADMIN_TOKEN, "agt_x");

        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("Cannot reach Masker"), run.err());
    }

    @Test
    void givenForwardAndCredentialOptions_agentsCreateGetUpdate_setShowAndRemoveThem(@TempDir Path dir)
            throws Exception {
        Path credential = Files.writeString(
                dir.resolve("credential.json"),
                "{\"type\": \"hmac\", \"secret\": \"whsec_cli_0123456789abc\", \"algorithm\": \"sha512\"}");
        Run created = run(
                "agents",
                "create",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--name",
                "cli " + UUID.randomUUID(),
                "--upstream",
                "stub",
                "--forward",
                "{\"url\": \"https://clinic.example/vapi\", \"secret\": \"forward-secret-0123456789\"}",
                "--webhook-credential",
                "@" + credential);
        Matcher id = Pattern.compile("Agent (agt_[0-9A-Z]{26})").matcher(created.out());
        assertTrue(id.find(), created.out() + created.err());
        Run both = run(
                "agents",
                "update",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--forward",
                "{}",
                "--remove-forward",
                id.group(1));
        Run removed = run(
                "agents",
                "update",
                "--server",
                server(),
                "--token",
                RunningMasker.ADMIN_TOKEN,
                "--remove-forward",
                "--remove-webhook-credential",
                id.group(1));

        assertTrue(created.out().contains("Forward to:          https://clinic.example/vapi"), created.out());
        assertTrue(
                created.out().contains("Webhook credential:  its own HMAC-SHA512 in x-signature with a timestamp"),
                created.out());
        assertFalse(created.out().contains("whsec_cli_0123456789abc"), "the secret is not printed");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--remove-forward and --forward exclude each other"), both.err());
        assertEquals(0, removed.exitCode(), removed.err());
        assertFalse(removed.out().contains("Forward to:"), removed.out());
        assertTrue(removed.out().contains("Webhook credential:  the deployment's"), removed.out());
    }

    private String server() {
        return "http://127.0.0.1:" + masker.server().port();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MaskerCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
