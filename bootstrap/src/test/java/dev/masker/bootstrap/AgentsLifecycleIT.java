package dev.masker.bootstrap;

import static dev.masker.bootstrap.VapiWebhookIT.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The rest of the agents API: list and its cursor, partial update, delete, stats, and two instances on one database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentsLifecycleIT {
    private RunningMasker masker;

    @BeforeAll
    void start() {
        masker = RunningMasker.start(Map.of());
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenAgentsCreatedWhilePaging_list_returnsEachOnceNewestFirst() {
        String tag = "page-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, masker.createAgent("{\"name\":\"" + tag + " " + i + "\",\"upstream\":\"stub\"}"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = masker.admin(
                    "GET",
                    "/api/v1/agents?limit=2&name_contains="
                            + URLEncoder.encode(tag.toUpperCase(), StandardCharsets.UTF_8)
                            + (cursor == null ? "" : "&cursor=" + cursor),
                    null);
            assertEquals(200, page.statusCode(), page.body());
            JsonNode body = RunningMasker.read(page.body());
            body.path("data").forEach(agent -> seen.add(agent.path("id").asText()));
            cursor = body.path("next_cursor").isNull()
                    ? null
                    : body.path("next_cursor").asText();
            masker.createAgent("{\"name\":\"" + tag + " late "
                    + UUID.randomUUID().toString().substring(0, 8) + "\",\"upstream\":\"stub\"}");
        } while (cursor != null);

        assertEquals(created, seen);
    }

    @Test
    void givenBadListParameters_list_answersValidationFailedNamingThem() {
        assertError(masker.admin("GET", "/api/v1/agents?limit=0", null), 422, "validation_failed");
        assertError(masker.admin("GET", "/api/v1/agents?limit=101", null), 422, "validation_failed");
        assertError(masker.admin("GET", "/api/v1/agents?limit=ten", null), 422, "validation_failed");
        HttpResponse<String> forged = masker.admin("GET", "/api/v1/agents?cursor=YWdlbnRzOjE6MDphZ3Rf.AAAA", null);
        assertError(forged, 422, "validation_failed");
        assertEquals(
                "cursor",
                RunningMasker.read(forged.body())
                        .path("error")
                        .path("details")
                        .get(0)
                        .path("field")
                        .asText());
        String real = RunningMasker.read(
                        masker.admin("GET", "/api/v1/agents?limit=1", null).body())
                .path("next_cursor")
                .asText();
        String altered = real.substring(0, real.indexOf('.') - 2) + "zz" + real.substring(real.indexOf('.'));
        assertError(masker.admin("GET", "/api/v1/agents?cursor=" + altered, null), 422, "validation_failed");
    }

    @Test
    void givenPatch_update_changesOnlyTheGivenFieldsAndKeepsTheRest() {
        String id = masker.createAgent("""
                {"name": "patch %s", "upstream": "openai:gpt-4o-mini", "assistant": {"firstMessage": "Hi"},
                 "config_callback": {"url": "https://clinic.example/cb", "secret": "callback-secret-0123456789"}}
                """.formatted(UUID.randomUUID()));

        HttpResponse<String> patched = masker.admin(
                "PATCH", "/api/v1/agents/" + id, "{\"upstream\":\"openai:gpt-4o\",\"config_callback\":null}");

        JsonNode agent = RunningMasker.read(patched.body()).path("agent");
        assertAll(
                () -> assertEquals(200, patched.statusCode(), patched.body()),
                () -> assertEquals("openai:gpt-4o", agent.path("upstream").asText()),
                () -> assertTrue(agent.path("config_callback").isNull()),
                () -> assertEquals(
                        "Hi", agent.path("assistant").path("firstMessage").asText()),
                () -> assertTrue(agent.path("name").asText().startsWith("patch ")));
        JsonNode fetched = RunningMasker.read(
                        masker.admin("GET", "/api/v1/agents/" + id, null).body())
                .path("agent");
        assertEquals("openai:gpt-4o", fetched.path("upstream").asText());
        assertTrue(masker.auditRows().stream()
                .anyMatch(row -> "agent_updated".equals(row.get("type"))
                        && id.equals(row.get("agent_id"))
                        && row.get("body").contains("config_callback,") == false
                        && row.get("body").contains("upstream")));
    }

    @Test
    void givenUnknownOrBadFields_patch_answersValidationFailedForEach() {
        String id = masker.createAgentWithAssistant("{}");

        HttpResponse<String> response = masker.admin(
                "PATCH",
                "/api/v1/agents/" + id,
                "{\"colour\":\"red\",\"name\":null,\"tokenization\":\"rot13\",\"assistant\":[1]}");

        assertError(response, 422, "validation_failed");
        Set<String> fields = new HashSet<>();
        RunningMasker.read(response.body())
                .path("error")
                .path("details")
                .forEach(d -> fields.add(d.path("field").asText()));
        assertEquals(Set.of("colour", "name", "tokenization", "assistant"), fields);
    }

    @Test
    void givenDelete_agent_isGoneForTheApiAndTheWebhookWhileItsEventsStay() {
        String id = masker.createAgentWithAssistant("{}");
        assertEquals(
                200,
                masker.webhook(id, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+1415"))
                        .statusCode());

        HttpResponse<String> deleted = masker.admin("DELETE", "/api/v1/agents/" + id, null);

        assertEquals(204, deleted.statusCode());
        assertError(masker.admin("GET", "/api/v1/agents/" + id, null), 404, "agent_not_found");
        assertError(masker.admin("DELETE", "/api/v1/agents/" + id, null), 404, "agent_not_found");
        assertError(
                masker.webhook(id, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+1415")),
                404,
                "agent_not_found");
        List<String> types = masker.auditRows().stream()
                .filter(row -> id.equals(row.get("agent_id")))
                .map(row -> row.get("type"))
                .toList();
        assertEquals(List.of("agent_created", "call_started", "agent_deleted"), types);
        assertTrue(
                masker.auditRows().stream()
                        .filter(row -> "agent_deleted".equals(row.get("type")))
                        .anyMatch(row -> row.get("body").contains("admin-token:")),
                "the event names who deleted it");
    }

    @Test
    void givenDeleteRacingWebhookCalls_everyCallAnswers200Or404AndNothingElse() throws Exception {
        String id = masker.createAgentWithAssistant("{}");
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                calls.add(callers.submit(() ->
                        masker.webhook(id, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+1415"))));
                if (i == 20) {
                    assertEquals(
                            204,
                            masker.admin("DELETE", "/api/v1/agents/" + id, null).statusCode());
                }
            }
        }
        long ok = 0;
        for (Future<HttpResponse<String>> call : calls) {
            int status = call.get().statusCode();
            assertTrue(status == 200 || status == 404, "status " + status);
            ok += status == 200 ? 1 : 0;
        }
        assertEquals(ok, masker.callStartedRows(id).size(), "every 200 has its call_started event");
        assertError(masker.webhook(id, RunningMasker.assistantRequest("call-after", "+1415")), 404, "agent_not_found");
    }

    @Test
    void givenCalls_getAgent_countsThemInItsStats() {
        String id = masker.createAgentWithAssistant("{}");
        for (int i = 0; i < 3; i++) {
            masker.webhook(id, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+1415"));
        }

        JsonNode stats = RunningMasker.read(
                        masker.admin("GET", "/api/v1/agents/" + id, null).body())
                .path("agent")
                .path("stats");

        assertEquals(3, stats.path("webhook_calls_24h").asLong());
        assertEquals(3, stats.path("webhook_calls_7d").asLong());
        assertFalse(
                RunningMasker.read(masker.admin("GET", "/api/v1/agents?limit=1", null)
                                .body())
                        .path("data")
                        .get(0)
                        .has("stats"),
                "lists do not count calls for every agent");
    }

    @Test
    void givenTwoInstancesOnOneDatabase_deleteAndRenameOnOne_reachTheOtherWithinASecond() throws Exception {
        try (RunningMasker other = RunningMasker.start(
                Map.of("MASKER_DATABASE_SCHEMA", masker.schema(), "MASKER_AGENT_CACHE_MS", "600000"))) {
            String renamed = masker.createAgentWithAssistant("{}");
            String deleted = masker.createAgentWithAssistant("{}");
            Thread.sleep(300);
            // Both now sit in the other instance's cache.
            assertEquals(
                    200, other.admin("GET", "/api/v1/agents/" + renamed, null).statusCode());
            assertEquals(
                    200,
                    other.webhook(deleted, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+1"))
                            .statusCode());

            String newName = "renamed " + UUID.randomUUID();
            masker.admin("PATCH", "/api/v1/agents/" + renamed, "{\"name\":\"" + newName + "\"}");
            masker.admin("DELETE", "/api/v1/agents/" + deleted, null);

            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            boolean seen = false;
            while (!seen) {
                assertTrue(System.nanoTime() < deadline, "the other instance did not see the changes within a second");
                seen = RunningMasker.read(other.admin("GET", "/api/v1/agents/" + renamed, null)
                                        .body())
                                .path("agent")
                                .path("name")
                                .asText()
                                .equals(newName)
                        && other.webhook(deleted, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+1"))
                                        .statusCode()
                                == 404;
                Thread.sleep(seen ? 0 : 25);
            }
        }
    }

    @Test
    void givenConcurrentCreatesOfOneName_post_createsExactlyOne() throws Exception {
        String name = "race " + UUID.randomUUID();
        List<CompletableFuture<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creates.add(CompletableFuture.supplyAsync(
                    () -> masker.admin("POST", "/api/v1/agents", "{\"name\":\"" + name + "\",\"upstream\":\"stub\"}")
                            .statusCode()));
        }
        List<Integer> statuses = creates.stream().map(CompletableFuture::join).toList();

        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
    }
}
