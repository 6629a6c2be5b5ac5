package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masker.testsupport.http.FakeOpenAiUpstream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: tool calls carry PHI as JSON, and Vapi re-sends the whole history every turn, so a value left in a tool
 * call's {@code arguments} would reach the LLM on every turn. Each record of the second labelled set
 * ({@code phi-dev2.jsonl}) goes through the real proxy three times in one request: as a user turn, as the {@code note}
 * of a tool call's JSON {@code arguments}, and as the tool's result; the user turn's {@code name} holds the record's
 * first labelled name. The fake upstream records what it receives.
 *
 * <p>Proven: the masked {@code arguments} are still JSON of the same shape; no labelled value survives in the
 * arguments or the tool result that the plain turn masks (wrapping a turn in JSON never loses a value); no participant
 * name reaches the upstream (it is masked whole); and the labelled values left anywhere upstream stay within the
 * detector's measured leaks on this set.
 */
class ToolArgumentsMaskingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEV2 = Path.of("src/test/resources/phi/phi-dev2.jsonl");
    /** Labelled values of phi-dev2 that survive in the plain turn: 30 of 2,677 when this guard was set (110 before). */
    private static final int MAX_PLAIN_SURVIVORS = 36;

    @Test
    void givenEachRecordAsATurnAToolArgumentAndAToolResult_proxy_masksTheJsonAsWellAsThePlainTurn() throws IOException {
        List<LabelledDevSet.Gold> records = LabelledDevSet.records(DEV2);
        List<String> lostInJson = new ArrayList<>();
        int plainSurvivors = 0;
        int nameSurvivors = 0;
        int names = 0;
        try (FakeOpenAiUpstream upstream = new FakeOpenAiUpstream();
                RunningMasker masker = RunningMasker.start(Map.of(
                        "MASKER_UPSTREAM_OPENAI_BASE_URL",
                        upstream.baseUrl().toString(),
                        "MASKER_PROXY_RATE_LIMIT_PER_SECOND",
                        "1000000",
                        "MASKER_PROXY_RATE_LIMIT_BURST",
                        "1000000"))) {
            JsonNode agent = RunningMasker.read(masker.admin(
                                    "POST",
                                    "/api/v1/agents",
                                    "{\"name\":\"tools " + TestDatabase.freshSchema()
                                            + "\",\"upstream\":\"openai:gpt-4o-mini\"}")
                            .body())
                    .path("agent");
            String agentId = agent.path("id").asText();
            String key = agent.path("proxy_key").asText();
            for (int i = 0; i < records.size(); i++) {
                LabelledDevSet.Gold gold = records.get(i);
                String name = firstName(gold);
                HttpResponse<String> response =
                        masker.send(HttpRequest.newBuilder(masker.uri("/proxy/" + agentId + "/v1/chat/completions"))
                                .header("Content-Type", "application/json")
                                .header("X-Masker-Proxy-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body(gold.text(), name))));
                assertEquals(200, response.statusCode(), "record " + i + ": " + response.body());

                List<String> bodies = upstream.bodies();
                JsonNode messages = JSON.readTree(bodies.get(bodies.size() - 1)).path("messages");
                String plain = messages.path(0).path("content").asText();
                JsonNode arguments = JSON.readTree(
                        messages.at("/1/tool_calls/0/function/arguments").asText());
                assertTrue(
                        arguments.isObject() && arguments.path("note").isTextual() && arguments.size() == 1,
                        "record " + i + ": the masked arguments are JSON of the same shape");
                String result = messages.path(2).path("content").asText();

                List<String> inPlain = gold.survivors(i, plain);
                plainSurvivors += inPlain.size();
                for (String survivor : gold.survivors(i, arguments.path("note").asText())) {
                    if (!inPlain.contains(survivor)) {
                        lostInJson.add(survivor + " (arguments)");
                    }
                }
                for (String survivor : gold.survivors(i, result)) {
                    if (!inPlain.contains(survivor)) {
                        lostInJson.add(survivor + " (tool result)");
                    }
                }
                if (name != null) {
                    names++;
                    nameSurvivors += messages.path(0).path("name").asText().equals(name) ? 1 : 0;
                }
            }
        }
        assertEquals(List.of(), lostInJson, "values the plain turn masks but the JSON forms let through");
        assertTrue(plainSurvivors <= MAX_PLAIN_SURVIVORS, plainSurvivors + " labelled values survive in plain turns");
        assertEquals(0, nameSurvivors, nameSurvivors + " of " + names + " names passed through the name field");
        System.getLogger(ToolArgumentsMaskingIT.class.getName())
                .log(
                        System.Logger.Level.INFO,
                        "tool arguments: {0}"
                                + " records, {1} values survive in plain turns and no more in JSON; {2} of {3} name fields unmasked",
                        records.size(),
                        plainSurvivors,
                        nameSurvivors,
                        names);
    }

    /** The record's first labelled value that is a name of letters and blanks, as a participant name: "Jane_Roe". */
    private static String firstName(LabelledDevSet.Gold gold) {
        for (String value : gold.values()) {
            if (value.matches("\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+){1,2}")) {
                return value.replace(' ', '_');
            }
        }
        return null;
    }

    private static String body(String text, String name) {
        ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o-mini");
        ArrayNode messages = body.putArray("messages");
        ObjectNode user = messages.addObject().put("role", "user").put("content", text);
        if (name != null) {
            user.put("name", name);
        }
        ObjectNode call = messages.addObject()
                .put("role", "assistant")
                .putNull("content")
                .putArray("tool_calls")
                .addObject()
                .put("id", "call_1")
                .put("type", "function");
        call.putObject("function")
                .put("name", "record_note")
                .put("arguments", JSON.createObjectNode().put("note", text).toString());
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", text);
        return body.toString();
    }
}
