package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting without a database server, restarting, and shutting down while a call is in flight. */
class LifecycleIT {
    @Test
    void givenNoDatabaseUrl_serve_runsEmbeddedPostgresWhoseDataSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("masker-embedded");
        Map<String, String> env = new HashMap<>();
        env.put("MASKER_PORT", "0");
        env.put("MASKER_VAPI_WEBHOOK_SECRET", RunningMasker.SECRET);
        env.put("MASKER_ADMIN_TOKEN", RunningMasker.ADMIN_TOKEN);
        env.put("MASKER_DATA_DIR", dataDir.toString());
        String agentId;
        try (MaskerServer first = MaskerServer.start(MaskerConfig.from(env), Clock.systemUTC())) {
            assertTrue(first.usesEmbeddedDatabase());
            agentId = RunningMasker.read(post(first, "/api/v1/agents", "{\"name\":\"kept\",\"upstream\":\"stub\"}")
                            .body())
                    .path("agent")
                    .path("id")
                    .asText();
        }
        byte[] key = Files.readAllBytes(dataDir.resolve("cursor.key"));

        try (MaskerServer second = MaskerServer.start(MaskerConfig.from(env), Clock.systemUTC())) {
            HttpResponse<String> fetched = RunningMasker.client()
                    .send(
                            HttpRequest.newBuilder(java.net.URI.create(
                                            "http://127.0.0.1:" + second.port() + "/api/v1/agents/" + agentId))
                                    .header("Authorization", "Bearer " + RunningMasker.ADMIN_TOKEN)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, fetched.statusCode(), fetched.body());
            assertEquals(
                    "kept",
                    RunningMasker.read(fetched.body())
                            .path("agent")
                            .path("name")
                            .asText());
        }
        assertEquals(
                Base64.getEncoder().encodeToString(key),
                Base64.getEncoder().encodeToString(Files.readAllBytes(dataDir.resolve("cursor.key"))),
                "the cursor key is kept across restarts");
    }

    @Test
    void givenCallInFlight_close_finishesItAndFlushesItsAuditEvent() throws Exception {
        CountDownLatch callbackReached = new CountDownLatch(1);
        WebServer slowCallback = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.post("/slow", (req, res) -> {
                    callbackReached.countDown();
                    Thread.sleep(700);
                    res.header(HeaderNames.CONTENT_TYPE, "application/json")
                            .send("{\"assistant\":{\"firstMessage\":\"ok\"}}");
                }))
                .build()
                .start();
        RunningMasker masker = RunningMasker.start(Map.of());
        try {
            String agent = masker.createAgent("""
                    {"name": "slow %s", "upstream": "stub",
                     "config_callback": {"url": "http://127.0.0.1:%d/slow", "secret": "callback-secret-0123456789",
                                         "timeout_ms": 3000}}""".formatted(UUID.randomUUID(), slowCallback.port()));
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() ->
                    masker.webhook(agent, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+14155552671")));
            assertTrue(callbackReached.await(10, TimeUnit.SECONDS));

            masker.close();

            HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(
                    "ok",
                    RunningMasker.read(response.body())
                            .path("assistant")
                            .path("firstMessage")
                            .asText());
            assertEquals(1, masker.callStartedRows(agent).size());
        } finally {
            masker.close();
            slowCallback.stop();
        }
    }

    private static HttpResponse<String> post(MaskerServer server, String path, String json) throws Exception {
        return RunningMasker.client()
                .send(
                        HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + path))
                                .header("Authorization", "Bearer " + RunningMasker.ADMIN_TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenThePortTaken_start_failsNamingThePortInsteadOfRunningWithoutAListener() {
        try (RunningMasker first = RunningMasker.start(Map.of())) {
            PortInUseException thrown = assertThrows(
                    PortInUseException.class,
                    () -> RunningMasker.start(
                            Map.of("MASKER_PORT", Integer.toString(first.port()), "MASKER_HOST", "127.0.0.1")));

            assertTrue(
                    thrown.getMessage().contains("port " + first.port() + " on 127.0.0.1 is in use; set MASKER_PORT"),
                    thrown.getMessage());
        }
    }
}
