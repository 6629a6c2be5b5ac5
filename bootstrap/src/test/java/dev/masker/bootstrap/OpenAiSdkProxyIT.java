package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnprocessableEntityException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.masker.testsupport.http.FakeOpenAiUpstream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5 item 6: the official OpenAI Java SDK ({@code com.openai:openai-java}) drives the proxy of a real Masker, whose
 * OpenAI upstream is a {@link FakeOpenAiUpstream} that records what it receives and echoes it back.
 *
 * <p>The whole labelled dev set goes through, non-streaming and streaming: no labelled value reaches the upstream beyond
 * the detector's pinned misses ({@link LabelledDevSet#KNOWN_MISSES}, by the same survival rule as
 * {@code MaskingSafetyIT}), and the client gets every record back exactly as it sent it. Vapi's own fields stay home and
 * group turns into sessions; the proxy's errors reach the SDK as the SDK's own exceptions, with our codes; a broken or
 * abandoned stream ends at once. Logs (JUL at ALL, Masker at ALL) and the {@code turn_proxied} audit rows hold no
 * labelled value.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenAiSdkProxyIT {
    private static final String MODEL = "gpt-4o-mini";
    private static final Duration AUDIT_WAIT = Duration.ofSeconds(10);
    private static final List<String> LOGS = new CopyOnWriteArrayList<>();
    private static List<LabelledDevSet.Gold> records;
    private static LogCapture.Open capture;
    private static FakeOpenAiUpstream upstream;
    private static RunningMasker masker;
    private static String agentId;
    private static String proxyKey;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws IOException {
        records = LabelledDevSet.records();
        capture = LogCapture.open(LOGS);
        upstream = new FakeOpenAiUpstream();
        masker = RunningMasker.start(Map.of(
                "MASKER_LOG_LEVEL",
                "ALL",
                "MASKER_UPSTREAM_OPENAI_BASE_URL",
                upstream.baseUrl().toString(),
                "MASKER_UPSTREAM_FIRST_BYTE_TIMEOUT_MS",
                "2000",
                "MASKER_PROXY_RATE_LIMIT_PER_SECOND",
                "1000000",
                "MASKER_PROXY_RATE_LIMIT_BURST",
                "1000000"));
        JsonNode agent = RunningMasker.read(masker.admin(
                                "POST",
                                "/api/v1/agents",
                                "{\"name\":\"sdk " + TestDatabase.freshSchema() + "\",\"upstream\":\"openai:" + MODEL
                                        + "\"}")
                        .body())
                .path("agent");
        agentId = agent.path("id").asText();
        proxyKey = agent.path("proxy_key").asText();
        assertFalse(proxyKey.isEmpty(), "the agents API shows the proxy key: " + agent);
        client = sdk(proxyKey);
    }

    @AfterAll
    static void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (masker != null) {
            masker.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        if (capture != null) {
            capture.close();
        }
    }

    @AfterEach
    void echoAgain() {
        upstream.behave(FakeOpenAiUpstream.Behaviour.ECHO);
    }

    @Test
    @Order(1)
    void givenTheDevSet_createThroughTheSdk_upstreamSeesNoLabelledValueAndTheClientGetsEveryRecordBack() {
        throughTheSdk(params -> answerOf(client.chat().completions().create(params)));
    }

    @Test
    @Order(2)
    void givenTheDevSet_createStreamingThroughTheSdk_upstreamSeesNoLabelledValueAndTheClientGetsEveryRecordBack() {
        throughTheSdk(params -> {
            StringBuilder answer = new StringBuilder();
            int[] usages = new int[1];
            try (StreamResponse<ChatCompletionChunk> stream =
                    client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(chunk -> {
                    chunk.choices().forEach(choice -> choice.delta().content().ifPresent(answer::append));
                    usages[0] += chunk.usage().isPresent() ? 1 : 0;
                });
            }
            assertEquals(1, usages[0], "the upstream's usage reaches the client once");
            return answer.toString();
        });
    }

    @Test
    @Order(11)
    void givenThirtyStreamedTurnsInARow_createStreaming_reusesTheUpstreamConnection() {
        int before = upstream.connectionsAccepted();
        for (int turn = 0; turn < 30; turn++) {
            try (StreamResponse<ChatCompletionChunk> stream =
                    client.chat().completions().createStreaming(hello(MODEL))) {
                assertTrue(stream.stream().count() > 1, "turn " + turn + " streamed");
            }
        }

        int opened = upstream.connectionsAccepted() - before;
        assertTrue(opened <= 1, opened + " upstream connections opened for 30 streamed turns");
    }

    /** Sends every record as one turn of its own and checks what the upstream received and what the client got back. */
    private static void throughTheSdk(Function<ChatCompletionCreateParams, String> send) {
        List<String> survivors = new ArrayList<>();
        List<String> notBack = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            LabelledDevSet.Gold gold = records.get(i);
            int before = upstream.bodies().size();
            String answer =
                    send.apply(message(ChatCompletionCreateParams.builder().model(MODEL), gold)
                            .build());
            List<String> bodies = upstream.bodies();
            assertEquals(before + 1, bodies.size(), "record " + i + " reached the upstream once");
            survivors.addAll(gold.survivors(i, textOf(RunningMasker.read(bodies.get(before)))));
            if (!answer.equals(gold.text())) {
                notBack.add("record " + i);
            }
        }
        assertEquals(LabelledDevSet.KNOWN_MISSES, survivors, "labelled values the upstream received (record, length)");
        assertEquals(List.of(), notBack, "records the client did not get back exactly");
    }

    @Test
    @Order(3)
    void givenVapiFieldsWithOneCallId_twoTurns_fieldsStayHomeAndTheTurnsShareOneSession() {
        String callId = "call-" + TestDatabase.freshSchema();
        String otherCallId = "call-" + TestDatabase.freshSchema();
        String customerNumber = "+14155550187";
        int before = upstream.bodies().size();

        List<String> requestIds = List.of(
                vapiTurn(callId, customerNumber, "My name is Harriet Quellenberg."),
                vapiTurn(callId, customerNumber, "I was born on March 5th, 1961."),
                vapiTurn(otherCallId, customerNumber, "Call me back at 415-555-0142."));

        List<String> bodies =
                upstream.bodies().subList(before, upstream.bodies().size());
        assertEquals(3, bodies.size());
        for (String body : bodies) {
            JsonNode forwarded = RunningMasker.read(body);
            assertAll(
                    () -> assertFalse(forwarded.has("call"), body),
                    () -> assertFalse(forwarded.has("customer"), body),
                    () -> assertFalse(forwarded.has("phoneNumber"), body),
                    () -> assertFalse(forwarded.has("metadata"), body),
                    () -> assertFalse(body.contains(callId) || body.contains(otherCallId), body),
                    () -> assertFalse(body.contains("4155550187") || body.contains("Quellenberg"), body),
                    () -> assertFalse(body.contains("Ophelia"), body));
        }
        List<JsonNode> turns =
                requestIds.stream().map(OpenAiSdkProxyIT::turnProxied).toList();
        String session = turns.getFirst().path("session_id").asText();
        assertFalse(session.isEmpty(), turns.getFirst().toString());
        assertEquals(session, turns.get(1).path("session_id").asText(), "the same call.id is one session");
        assertNotEquals(session, turns.get(2).path("session_id").asText(), "another call.id is another session");
    }

    /** One turn with Vapi's own fields beside OpenAI's; returns Masker's request id for it. */
    private static String vapiTurn(String callId, String customerNumber, String text) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage(text)
                .putAdditionalBodyProperty(
                        "call",
                        JsonValue.from(
                                Map.of("id", callId, "orgId", "org-1", "customer", Map.of("number", customerNumber))))
                .putAdditionalBodyProperty(
                        "customer", JsonValue.from(Map.of("number", customerNumber, "name", "Harriet Quellenberg")))
                .putAdditionalBodyProperty("phoneNumber", JsonValue.from(Map.of("number", "+14155550100")))
                .putAdditionalBodyProperty("metadata", JsonValue.from(Map.of("next_of_kin", "Ophelia Quellenberg")))
                .build();
        HttpResponseFor<ChatCompletion> response =
                client.chat().completions().withRawResponse().create(params);
        assertEquals(text, answerOf(response.parse()));
        return response.headers().values("X-Request-Id").getFirst();
    }

    @Test
    @Order(4)
    void givenTheFullEndpointAsBaseUrl_create_isAnsweredAtTheDoubledSuffixAsUsual() {
        // Some platforms take the whole proxy_url as a base URL and append /chat/completions again.
        OpenAIClient platform = sdk(proxyKey, "/proxy/" + agentId + "/v1/chat/completions");
        try {
            int before = upstream.bodies().size();
            String text = "This is Harriet Quellenberg, born March 5th, 1961.";
            ChatCompletion answer = platform.chat()
                    .completions()
                    .create(ChatCompletionCreateParams.builder()
                            .model(MODEL)
                            .addUserMessage(text)
                            .build());
            assertEquals(text, answerOf(answer));
            assertFalse(
                    upstream.bodies().get(before).contains("Quellenberg"),
                    upstream.bodies().get(before));
        } finally {
            platform.close();
        }
    }

    @Test
    @Order(5)
    void givenAWrongProxyKey_create_failsWithTheSdksUnauthorizedExceptionAndOurCode() {
        OpenAIClient stranger = sdk("mpk_not-the-key");
        try {
            UnauthorizedException e = assertThrows(
                    UnauthorizedException.class,
                    () -> stranger.chat().completions().create(hello(MODEL)));
            assertEquals(401, e.statusCode());
            assertEquals(Optional.of("unauthenticated"), e.code());
        } finally {
            // The SDK's client is not AutoCloseable, but holds OkHttp's threads and connections.
            stranger.close();
        }
    }

    @Test
    @Order(13)
    void givenTheAgentsKey_listModelsThroughTheSdk_findsTheUpstreamsModelAndAWrongKeyIsRefused() {
        assertEquals(
                List.of(MODEL),
                client.models().list().data().stream().map(model -> model.id()).toList());
        OpenAIClient stranger = sdk("mpk_not-the-key");
        try {
            assertEquals(
                    401,
                    assertThrows(
                                    UnauthorizedException.class,
                                    () -> stranger.models().list())
                            .statusCode());
        } finally {
            stranger.close();
        }
    }

    @Test
    @Order(6)
    void givenAModelTheAgentDoesNotAllow_create_failsWith422AndOurCode() {
        int before = upstream.bodies().size();
        UnprocessableEntityException e = assertThrows(
                UnprocessableEntityException.class,
                () -> client.chat().completions().create(hello("gpt-4.1")));
        assertEquals(422, e.statusCode());
        assertEquals(Optional.of("model_not_allowed"), e.code());
        assertEquals(before, upstream.bodies().size(), "nothing was forwarded");
    }

    @Test
    @Order(7)
    void givenTheUpstreamFailsWithPhiInItsBody_create_failsWith502AndThePhiGoesNowhere() {
        upstream.behave(FakeOpenAiUpstream.Behaviour.FAIL);
        InternalServerException e = assertThrows(
                InternalServerException.class, () -> client.chat().completions().create(hello(MODEL)));
        assertEquals(502, e.statusCode());
        assertEquals(Optional.of("upstream_error"), e.code());
        assertNoFailurePhi(e);
    }

    @Test
    @Order(8)
    void givenTheUpstreamStalls_create_failsWith504AfterTheFirstByteLimit() {
        upstream.behave(FakeOpenAiUpstream.Behaviour.STALL);
        long started = System.nanoTime();
        InternalServerException e = assertThrows(
                InternalServerException.class, () -> client.chat().completions().create(hello(MODEL)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(504, e.statusCode());
        assertEquals(Optional.of("upstream_timeout"), e.code());
        assertTrue(
                millis >= 1_900 && millis < 10_000,
                "answered after " + millis + " ms; the first-byte limit is 2000 ms");
    }

    @Test
    @Order(9)
    void givenTheUpstreamDropsTheStreamAfterSomeChunks_createStreaming_endsWithAnErrorAndNoHang() {
        upstream.behave(FakeOpenAiUpstream.Behaviour.BREAK_MID_STREAM);
        String text =
                "Please update the chart of Harriet Quellenberg, born March 5th, 1961, phone 415-555-0142, thanks.";
        StringBuilder received = new StringBuilder();
        OpenAIException e = assertTimeoutPreemptively(
                Duration.ofSeconds(15),
                () -> assertThrows(OpenAIException.class, () -> {
                    try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                            .completions()
                            .createStreaming(ChatCompletionCreateParams.builder()
                                    .model(MODEL)
                                    .addUserMessage(text)
                                    .build())) {
                        stream.stream()
                                .forEach(chunk -> chunk.choices()
                                        .forEach(choice ->
                                                choice.delta().content().ifPresent(received::append)));
                    }
                }));
        assertTrue(
                e instanceof OpenAIServiceException service && service.code().equals(Optional.of("upstream_error")),
                "the stream ends with our error event: " + e);
        assertFalse(received.isEmpty(), "chunks came before the break");
        assertTrue(text.startsWith(received.toString()), "what came was rehydrated: " + received);
    }

    @Test
    @Order(10)
    void givenTheClientClosesAStreamMidway_theUpstreamCallIsDroppedSoonAfter() throws InterruptedException {
        upstream.behave(FakeOpenAiUpstream.Behaviour.TRICKLE);
        upstream.hangUps().clear();
        HttpResponseFor<StreamResponse<ChatCompletionChunk>> response =
                client.chat().completions().withRawResponse().createStreaming(hello(MODEL));
        StreamResponse<ChatCompletionChunk> stream = response.parse();
        Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
        assertNotNull(chunks.next());
        assertNotNull(chunks.next());
        Instant closed = Instant.now();
        assertTimeoutPreemptively(Duration.ofSeconds(5), stream::close, "closing the stream does not hang");

        Instant hungUp = upstream.hangUps().poll(5, TimeUnit.SECONDS);
        assertNotNull(hungUp, "the upstream saw its connection closed within 5 s of the client's close");
        assertTrue(Duration.between(closed, hungUp).toMillis() < 5_000);
        String requestId = response.headers().values("X-Request-Id").getFirst();
        assertEquals("client_gone", turnProxied(requestId).path("outcome").asText());
    }

    /** Runs last and looks back over the whole class's run: alone, it fails its own guards against passing vacuously. */
    @Test
    @Order(99)
    void givenEveryTurnAbove_theLogsAndTheTurnProxiedRowsHoldNoLabelledValue() {
        List<String> values = records.stream()
                .flatMap(gold -> gold.values().stream())
                .filter(value -> value.length() >= LabelledDevSet.SHORT)
                .distinct()
                .toList();
        assertTrue(LOGS.size() >= records.size(), "captured " + LOGS.size() + " log lines: the capture saw the run");
        String logs = LogCapture.runText(LOGS);
        List<Map<String, String>> turns = masker.auditRows().stream()
                .filter(row -> "turn_proxied".equals(row.get("type")) && agentId.equals(row.get("agent_id")))
                .toList();
        assertTrue(turns.size() >= 2 * records.size(), turns.size() + " turn_proxied rows");
        // Digits-only fields are counts and durations (a masked_total, a total_us), where a ZIP or a last-four may
        // stand
        // by chance; a value could only leak into the text fields.
        String audit = String.join(
                "\n",
                turns.stream()
                        .map(row -> strings(RunningMasker.read(row.get("body"))))
                        .flatMap(List::stream)
                        .filter(text -> !text.chars().allMatch(Character::isDigit))
                        .toList());
        assertAll(
                () -> assertEquals(List.of(), LabelledDevSet.foundIn(values, logs), "labelled values logged"),
                () -> assertEquals(List.of(), LabelledDevSet.foundIn(values, audit), "labelled values audited"),
                () -> assertEquals(
                        List.of(),
                        FakeOpenAiUpstream.PHI_IN_ERROR.stream()
                                .filter(logs::contains)
                                .toList(),
                        "the upstream's error body was logged"),
                () -> assertEquals(
                        List.of(),
                        FakeOpenAiUpstream.PHI_IN_ERROR.stream()
                                .filter(audit::contains)
                                .toList(),
                        "the upstream's error body was audited"));
    }

    private static void assertNoFailurePhi(OpenAIServiceException e) {
        String seen = String.join(
                "\n",
                String.valueOf(e.getMessage()),
                e.body().toString(),
                e.headers().toString());
        assertEquals(
                List.of(),
                FakeOpenAiUpstream.PHI_IN_ERROR.stream().filter(seen::contains).toList(),
                "the upstream's error body reached the client: " + seen);
    }

    /** The {@code turn_proxied} event of a request, waiting for the audit writer to catch up. */
    private static JsonNode turnProxied(String requestId) {
        long deadline = System.nanoTime() + AUDIT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> found = masker.auditRows().stream()
                    .filter(row -> "turn_proxied".equals(row.get("type")))
                    .map(row -> RunningMasker.read(row.get("body")))
                    .filter(body -> requestId.equals(body.findPath("request_id").asText()))
                    .map(body -> body.findParent("session_id"))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new AssertionError("no turn_proxied event for " + requestId + " within " + AUDIT_WAIT);
    }

    private static ChatCompletionCreateParams.Builder message(
            ChatCompletionCreateParams.Builder params, LabelledDevSet.Gold gold) {
        return switch (gold.role()) {
            case "system" -> params.addSystemMessage(gold.text());
            case "assistant" -> params.addAssistantMessage(gold.text());
            default -> params.addUserMessage(gold.text());
        };
    }

    private static ChatCompletionCreateParams hello(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Hello, I would like an appointment.")
                .build();
    }

    private static String answerOf(ChatCompletion completion) {
        return completion.choices().getFirst().message().content().orElse("");
    }

    /** Every string in a JSON tree, joined by newlines: all the text the upstream could read. */
    private static String textOf(JsonNode node) {
        return String.join("\n", strings(node));
    }

    private static List<String> strings(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collect(child, texts));
    }

    private static OpenAIClient sdk(String apiKey) {
        return sdk(apiKey, "/proxy/" + agentId + "/v1");
    }

    private static OpenAIClient sdk(String apiKey, String basePath) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(masker.uri(basePath).toString())
                .apiKey(apiKey)
                // Retries would hide the proxy's answer behind the SDK's own back-off.
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
