package dev.masker.adapters.http.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.adapters.http.JsonCodec;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.testsupport.http.FakeOpenAiUpstream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OpenAiChatUpstreamAdapterIT {
    private static final Upstream GPT = new Upstream(Upstream.Provider.OPENAI, "gpt-4o-mini");
    private static final Duration LONG = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(300);
    /** A fake patient's details: upstream error bodies echo turns, and this must never reach a message. */
    private static final String FAKE_PHI = "Jane Q. Doe, DOB 03/05/1961, 415-555-0199";

    private final JsonCodec json = new JsonCodec();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeFakes() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    private FakeOpenAiUpstream fake(FakeOpenAiUpstream.Script script) throws IOException {
        FakeOpenAiUpstream fake = new FakeOpenAiUpstream(script);
        closeables.add(fake);
        return fake;
    }

    private OpenAiChatUpstreamAdapter adapter(
            URI baseUrl, Optional<String> key, Duration connect, Duration firstByte, Duration idle, Duration total) {
        return new OpenAiChatUpstreamAdapter(
                new OpenAiUpstreamSettings(baseUrl, key, connect, firstByte, idle, total), json);
    }

    private OpenAiChatUpstreamAdapter adapter(FakeOpenAiUpstream fake) {
        return adapter(fake.baseUrl(), Optional.empty(), LONG, LONG, LONG, LONG);
    }

    private static Map<String, Object> turn(String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "whatever-the-platform-said");
        body.put("messages", List.of(Map.of("role", "user", "content", text)));
        body.put("temperature", new BigDecimal("0.7"));
        return body;
    }

    private static String event(String json) {
        return "data: " + json + "\n\n";
    }

    private static String chunkJson(int index, String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + content + "\"},\"finish_reason\":null}],\"n\":" + index + "}";
    }

    private static String contentOf(Map<String, Object> chunk) {
        List<?> choices = (List<?>) chunk.get("choices");
        return (String) ((Map<?, ?>) ((Map<?, ?>) choices.getFirst()).get("delta")).get("content");
    }

    /** One chunk saying "Hello", then {@code [DONE]}, each flushed on its own; the body's end is up to the test. */
    private static void helloThenDone(FakeOpenAiUpstream.Reply reply) throws IOException {
        reply.startStream();
        reply.chunk(event(chunkJson(0, "Hello")));
        reply.chunk("data: [DONE]\n\n");
    }

    private static DomainException failure(ErrorCode expected, Duration within, Executable call) {
        DomainException failure = assertTimeoutPreemptively(within, () -> assertThrows(DomainException.class, call));
        assertEquals(expected, failure.code(), failure.getMessage());
        return failure;
    }

    private static final String ANSWER = """
            {"id":"chatcmpl-42","object":"chat.completion","created":1764201600,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello MSKV1.NAME.K_HEALTHCARE.MFRGGZDFMZTWQ2LK",
               "refusal":null},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17},
             "x_vendor":{"big":12345678901234567890,"precise":0.12345678901234567890123,"flags":[true,null,3]}}
            """;

    @Test
    void givenAKey_complete_postsTheBodyWithTheAgentsModelAndTheBearerKey() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> reply.send(200, "application/json", ANSWER));
        OpenAiChatUpstreamAdapter adapter = adapter(fake.baseUrl(), Optional.of("sk-test-123"), LONG, LONG, LONG, LONG);

        adapter.complete(GPT, turn("Hi there"));

        FakeOpenAiUpstream.Received received = fake.received().getFirst();
        assertEquals("POST", received.method());
        assertEquals("/v1/chat/completions", received.path());
        assertEquals("Bearer sk-test-123", received.headers().get("authorization"));
        assertTrue(received.headers().get("content-type").startsWith("application/json"));
        Map<String, Object> sent = json.toMap(json.readTree(received.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals("gpt-4o-mini", sent.get("model"));
        assertEquals(List.of(Map.of("role", "user", "content", "Hi there")), sent.get("messages"));
        assertEquals(new BigDecimal("0.7"), sent.get("temperature"));
        assertFalse(sent.containsKey("stream"));
    }

    @Test
    void givenNoKey_complete_sendsNoAuthorizationHeader() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> reply.send(200, "application/json", ANSWER));

        adapter(fake).complete(GPT, turn("Hi"));

        assertFalse(fake.received().getFirst().headers().containsKey("authorization"));
    }

    @Test
    void givenAnAnswerWithUnknownFieldsAndLargeNumbers_complete_returnsItIntact() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> reply.send(200, "application/json", ANSWER));

        Map<String, Object> answer = adapter(fake).complete(GPT, turn("Hi"));

        assertEquals(json.toMap(json.readTree(ANSWER.getBytes(StandardCharsets.UTF_8))), answer);
        assertEquals(1764201600, answer.get("created"));
        assertEquals(Map.of("prompt_tokens", 12, "completion_tokens", 5, "total_tokens", 17), answer.get("usage"));
        Map<?, ?> vendor = (Map<?, ?>) answer.get("x_vendor");
        assertEquals(new BigInteger("12345678901234567890"), vendor.get("big"));
        assertEquals(new BigDecimal("0.12345678901234567890123"), vendor.get("precise"));
        assertEquals(java.util.Arrays.asList(true, null, 3), vendor.get("flags"));
    }

    @Test
    void givenAStreamingRequest_stream_sendsStreamTrueAndHandsOverChunksInOrderUntilDone() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            reply.startStream();
            for (int i = 0; i < 5; i++) {
                reply.chunk(event(chunkJson(i, "piece" + i)));
            }
            reply.chunk("data: [DONE]\n\n");
            // Anything after [DONE] is read to the body's end but not handed over.
            reply.chunk(event(chunkJson(99, "after")));
            reply.endStream();
        });
        List<Map<String, Object>> chunks = new ArrayList<>();

        adapter(fake).stream(GPT, turn("Hi"), chunks::add);

        assertEquals(
                List.of("piece0", "piece1", "piece2", "piece3", "piece4"),
                chunks.stream().map(OpenAiChatUpstreamAdapterIT::contentOf).toList());
        Map<String, Object> sent =
                json.toMap(json.readTree(fake.received().getFirst().body().getBytes(StandardCharsets.UTF_8)));
        assertEquals(true, sent.get("stream"));
        assertEquals("gpt-4o-mini", sent.get("model"));
        assertEquals("text/event-stream", fake.received().getFirst().headers().get("accept"));
    }

    @Test
    void givenThirtyStreamedTurnsInARow_stream_reusesOneUpstreamConnection() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            helloThenDone(reply);
            // The stream's end comes after [DONE], as a separate write: the client reads on to it.
            reply.endStream();
        });
        OpenAiChatUpstreamAdapter adapter = adapter(fake);

        for (int turn = 0; turn < 30; turn++) {
            List<Map<String, Object>> chunks = new ArrayList<>();
            adapter.stream(GPT, turn("Hi " + turn), chunks::add);
            assertEquals(
                    List.of("Hello"),
                    chunks.stream().map(OpenAiChatUpstreamAdapterIT::contentOf).toList());
        }

        assertEquals(30, fake.received().size());
        assertEquals(1, fake.connectionsAccepted(), "upstream connections opened for 30 streamed turns");
    }

    @Test
    void givenAStreamWhoseBodyNeverEndsAfterDone_stream_returnsSoonAndTheNextTurnStillWorks() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            helloThenDone(reply);
            reply.stall(10_000);
        });
        OpenAiChatUpstreamAdapter adapter = adapter(fake);

        for (int turn = 0; turn < 2; turn++) {
            long started = System.nanoTime();
            List<Map<String, Object>> chunks = new ArrayList<>();
            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> adapter.stream(GPT, turn("Hi"), chunks::add));
            assertEquals(1, chunks.size());
            long millis = elapsedMillis(started);
            assertTrue(
                    millis >= OpenAiChatUpstreamAdapter.BODY_END_AFTER_DONE.toMillis() && millis < 2000,
                    "stream returned after " + millis + " ms");
        }
        assertEquals(2, fake.connectionsAccepted());
    }

    @Test
    void givenThirtyTurnsInARow_complete_reusesOneUpstreamConnection() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> reply.send(200, "application/json", ANSWER));
        OpenAiChatUpstreamAdapter adapter = adapter(fake);

        for (int turn = 0; turn < 30; turn++) {
            adapter.complete(GPT, turn("Hi " + turn));
        }

        assertEquals(1, fake.connectionsAccepted(), "upstream connections opened for 30 turns");
    }

    @Test
    void givenAnUpstreamThatPausesAfterTheFirstChunk_stream_handsTheFirstChunkOverBeforeTheUpstreamGoesOn()
            throws Exception {
        CountDownLatch firstChunkArrived = new CountDownLatch(1);
        List<Boolean> arrivedWhilePausing = new CopyOnWriteArrayList<>();
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            reply.startStream();
            reply.chunk(event(chunkJson(0, "early")));
            // The upstream goes on only once the consumer has the first chunk (or after 5 s, failing the test).
            arrivedWhilePausing.add(firstChunkArrived.await(5, TimeUnit.SECONDS));
            reply.chunk(event(chunkJson(1, "late")));
            reply.chunk("data: [DONE]\n\n");
            reply.endStream();
        });
        List<String> contents = new ArrayList<>();

        adapter(fake).stream(GPT, turn("Hi"), chunk -> {
            contents.add(contentOf(chunk));
            firstChunkArrived.countDown();
        });

        assertEquals(List.of(true), arrivedWhilePausing);
        assertEquals(List.of("early", "late"), contents);
    }

    @Test
    void givenCrLfCommentsEventLinesMultiLineDataAndOddFlushes_stream_readsEveryEventWhole() throws Exception {
        byte[] accented = event(chunkJson(3, "caf\u00e9")).getBytes(StandardCharsets.UTF_8);
        int insideTheE = new String(accented, StandardCharsets.UTF_8).indexOf('\u00e9') + 1;
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            reply.startStream();
            reply.chunk(": keep-alive comment\r\n\r\n");
            reply.chunk("event: message\r\ndata: " + chunkJson(0, "crlf") + "\r\n\r\n");
            // One event cut in the middle of its JSON, and a CRLF cut between its CR and its LF.
            String split = "data: " + chunkJson(1, "split") + "\r\n\r\n";
            reply.chunk(split.substring(0, 17));
            reply.chunk(split.substring(17, split.length() - 3));
            reply.chunk(split.substring(split.length() - 3, split.length() - 1));
            reply.chunk(split.substring(split.length() - 1));
            // One JSON object over two data lines, which the format joins with a line feed.
            reply.chunk("data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\n");
            reply.chunk("data: \"delta\":{\"content\":\"two-lines\"}}]}\n\n");
            // A two-byte character cut in half.
            reply.chunk(java.util.Arrays.copyOfRange(accented, 0, insideTheE));
            reply.chunk(java.util.Arrays.copyOfRange(accented, insideTheE, accented.length));
            reply.chunk("data:" + chunkJson(4, "no-space") + "\r\rdata: [DONE]\r\n\r\n");
            reply.endStream();
        });
        List<String> contents = new ArrayList<>();

        adapter(fake).stream(GPT, turn("Hi"), chunk -> contents.add(contentOf(chunk)));

        assertEquals(List.of("crlf", "split", "two-lines", "caf\u00e9", "no-space"), contents);
    }

    @Test
    void givenAStreamThatEndsWithoutDone_stream_returnsAfterTheLastChunk() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            reply.startStream();
            reply.chunk(event(chunkJson(0, "only")));
            reply.endStream();
        });
        List<String> contents = new ArrayList<>();

        adapter(fake).stream(GPT, turn("Hi"), chunk -> contents.add(contentOf(chunk)));

        assertEquals(List.of("only"), contents);
    }

    @Test
    void givenAServerErrorEchoingTheTurn_complete_failsWithUpstreamErrorNamingOnlyTheStatus() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> reply.send(
                500, "application/json", "{\"error\":{\"message\":\"could not process: " + FAKE_PHI + "\"}}"));

        DomainException failure =
                failure(ErrorCode.UPSTREAM_ERROR, LONG, () -> adapter(fake).complete(GPT, turn(FAKE_PHI)));

        assertTrue(failure.getMessage().contains("500"), failure.getMessage());
        assertFalse(failure.getMessage().contains("Jane"), failure.getMessage());
        assertFalse(failure.getMessage().contains("555"), failure.getMessage());
    }

    @Test
    void givenABadRequestEchoingTheTurn_stream_failsWithUpstreamErrorBeforeAnyChunk() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) ->
                reply.send(400, "application/json", "{\"error\":{\"message\":\"bad message: " + FAKE_PHI + "\"}}"));
        List<Map<String, Object>> chunks = new ArrayList<>();

        DomainException failure =
                failure(ErrorCode.UPSTREAM_ERROR, LONG, () -> adapter(fake).stream(GPT, turn(FAKE_PHI), chunks::add));

        assertEquals("The upstream answered with status 400.", failure.getMessage());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void givenAGarbageBody_complete_failsWithUpstreamError() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> reply.send(200, "application/json", "<html>" + FAKE_PHI));

        DomainException failure =
                failure(ErrorCode.UPSTREAM_ERROR, LONG, () -> adapter(fake).complete(GPT, turn("Hi")));

        assertFalse(failure.getMessage().contains("Jane"), failure.getMessage());
    }

    @Test
    void givenAnAnswerOverTheSizeLimit_complete_failsWithUpstreamError() throws Exception {
        String huge = "{\"pad\":\"" + "x".repeat(OpenAiChatUpstreamAdapter.MAX_ANSWER_BYTES) + "\"}";
        FakeOpenAiUpstream fake = fake((request, reply) -> reply.send(200, "application/json", huge));

        DomainException failure =
                failure(ErrorCode.UPSTREAM_ERROR, LONG, () -> adapter(fake).complete(GPT, turn("Hi")));

        assertTrue(failure.getMessage().contains("size limit"), failure.getMessage());
    }

    @Test
    void givenAnErrorEventMidStream_stream_failsWithUpstreamErrorAfterTheEarlierChunks() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            reply.startStream();
            reply.chunk(event(chunkJson(0, "fine")));
            reply.chunk(event("{\"error\":{\"message\":\"overloaded while reading " + FAKE_PHI + "\"}}"));
            reply.endStream();
        });
        List<String> contents = new ArrayList<>();

        DomainException failure = failure(
                ErrorCode.UPSTREAM_ERROR,
                LONG,
                () -> adapter(fake).stream(GPT, turn("Hi"), chunk -> contents.add(contentOf(chunk))));

        assertEquals(List.of("fine"), contents);
        assertFalse(failure.getMessage().contains("Jane"), failure.getMessage());
    }

    @Test
    void givenAnEventThatIsNotJson_stream_failsWithUpstreamError() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            reply.startStream();
            reply.chunk("data: " + FAKE_PHI + "\n\n");
            reply.endStream();
        });

        DomainException failure =
                failure(ErrorCode.UPSTREAM_ERROR, LONG, () -> adapter(fake).stream(GPT, turn("Hi"), chunk -> {}));

        assertFalse(failure.getMessage().contains("Jane"), failure.getMessage());
    }

    @Test
    void givenNothingListening_complete_failsWithUpstreamError() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        OpenAiChatUpstreamAdapter adapter =
                adapter(URI.create("http://127.0.0.1:" + port + "/v1"), Optional.empty(), LONG, LONG, LONG, LONG);

        failure(ErrorCode.UPSTREAM_ERROR, LONG, () -> adapter.complete(GPT, turn("Hi")));
    }

    @Test
    void givenAHostThatNeverAcceptsTheConnection_complete_timesOutAtTheConnectLimit() throws Exception {
        // A listening socket whose accept queue is full drops further SYNs: connecting hangs until the client's limit.
        ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        closeables.add(full);
        for (int i = 0; i < 8; i++) {
            Socket filler = new Socket();
            closeables.add(filler);
            try {
                filler.connect(full.getLocalSocketAddress(), 100);
            } catch (IOException queueFull) {
                break;
            }
        }
        OpenAiChatUpstreamAdapter adapter = adapter(
                URI.create("http://127.0.0.1:" + full.getLocalPort() + "/v1"),
                Optional.empty(),
                SHORT,
                LONG,
                LONG,
                LONG);

        long started = System.nanoTime();
        failure(ErrorCode.UPSTREAM_TIMEOUT, Duration.ofSeconds(3), () -> adapter.complete(GPT, turn("Hi")));

        assertTrue(elapsedMillis(started) >= SHORT.toMillis() - 50, "gave up after " + elapsedMillis(started) + " ms");
    }

    @Test
    void givenAnUpstreamThatNeverAnswers_complete_timesOutAtTheFirstByteLimit() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> reply.stall(10_000));
        OpenAiChatUpstreamAdapter adapter = adapter(fake.baseUrl(), Optional.empty(), LONG, SHORT, LONG, LONG);

        long started = System.nanoTime();
        DomainException failure =
                failure(ErrorCode.UPSTREAM_TIMEOUT, Duration.ofSeconds(3), () -> adapter.complete(GPT, turn("Hi")));

        assertTrue(failure.getMessage().contains("first-byte"), failure.getMessage());
        assertTrue(elapsedMillis(started) >= SHORT.toMillis() - 50, "gave up after " + elapsedMillis(started) + " ms");
    }

    @Test
    void givenAStreamThatFallsSilent_stream_timesOutAtTheIdleLimitAfterTheEarlierChunks() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            reply.startStream();
            reply.chunk(event(chunkJson(0, "before-silence")));
            reply.stall(10_000);
        });
        OpenAiChatUpstreamAdapter adapter = adapter(fake.baseUrl(), Optional.empty(), LONG, LONG, SHORT, LONG);
        List<String> contents = new CopyOnWriteArrayList<>();

        DomainException failure = failure(
                ErrorCode.UPSTREAM_TIMEOUT,
                Duration.ofSeconds(3),
                () -> adapter.stream(GPT, turn("Hi"), chunk -> contents.add(contentOf(chunk))));

        assertTrue(failure.getMessage().contains("idle"), failure.getMessage());
        assertEquals(List.of("before-silence"), contents);
    }

    @Test
    void givenAStreamThatNeverEnds_stream_timesOutAtTheTotalLimitThoughItIsNeverIdle() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            reply.startStream();
            for (int i = 0; i < 100; i++) {
                reply.chunk(event(chunkJson(i, "tick")));
                Thread.sleep(50);
            }
            reply.endStream();
        });
        Duration total = Duration.ofMillis(600);
        OpenAiChatUpstreamAdapter adapter = adapter(fake.baseUrl(), Optional.empty(), LONG, LONG, SHORT, total);
        List<String> contents = new CopyOnWriteArrayList<>();

        long started = System.nanoTime();
        DomainException failure = failure(
                ErrorCode.UPSTREAM_TIMEOUT,
                Duration.ofSeconds(3),
                () -> adapter.stream(GPT, turn("Hi"), chunk -> contents.add(contentOf(chunk))));

        assertTrue(failure.getMessage().contains("total"), failure.getMessage());
        assertTrue(elapsedMillis(started) >= total.toMillis() - 50, "gave up after " + elapsedMillis(started) + " ms");
        assertTrue(contents.size() >= 3, "chunks before the limit: " + contents.size());
        assertTrue(fake.sawDisconnect.await(2, TimeUnit.SECONDS), "the upstream never saw the connection close");
    }

    @Test
    void givenASlowConsumer_stream_doesNotMistakeItsSlownessForAnIdleUpstream() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            reply.startStream();
            reply.chunk(event(chunkJson(0, "a")) + event(chunkJson(1, "b")));
            reply.chunk("data: [DONE]\n\n");
            reply.endStream();
        });
        OpenAiChatUpstreamAdapter adapter = adapter(fake.baseUrl(), Optional.empty(), LONG, LONG, SHORT, LONG);
        List<String> contents = new ArrayList<>();

        adapter.stream(GPT, turn("Hi"), chunk -> {
            contents.add(contentOf(chunk));
            sleep(SHORT.toMillis() * 2);
        });

        assertEquals(List.of("a", "b"), contents);
    }

    @Test
    void givenAConsumerThatThrows_stream_closesTheUpstreamConnectionAtOnceAndRethrows() throws Exception {
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            reply.startStream();
            reply.chunk(event(chunkJson(0, "first")));
            // Would go on for 10 s; a write fails soon after the client hangs up.
            for (int i = 0; i < 200; i++) {
                Thread.sleep(50);
                reply.chunk(": still thinking\n\n");
            }
            reply.endStream();
        });
        IllegalStateException clientGone = new IllegalStateException("the caller hung up");

        long started = System.nanoTime();
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> adapter(fake).stream(GPT, turn("Hi"), chunk -> {
                    throw clientGone;
                }));

        assertSame(clientGone, thrown);
        assertTrue(elapsedMillis(started) < 2000, "stream returned after " + elapsedMillis(started) + " ms");
        assertTrue(fake.sawDisconnect.await(2, TimeUnit.SECONDS), "the upstream never saw the connection close");
    }

    @Test
    void givenAnEarlierCallThatTimedOut_complete_stillWorksOnTheSameAdapter() throws Exception {
        List<Boolean> stalls = new CopyOnWriteArrayList<>(List.of(true));
        FakeOpenAiUpstream fake = fake((request, reply) -> {
            if (!stalls.isEmpty()) {
                stalls.clear();
                reply.stall(10_000);
                return;
            }
            reply.send(200, "application/json", ANSWER);
        });
        OpenAiChatUpstreamAdapter adapter = adapter(fake.baseUrl(), Optional.empty(), LONG, SHORT, LONG, LONG);
        failure(ErrorCode.UPSTREAM_TIMEOUT, Duration.ofSeconds(3), () -> adapter.complete(GPT, turn("Hi")));

        Map<String, Object> answer = adapter.complete(GPT, turn("Hi again"));

        assertEquals("chatcmpl-42", answer.get("id"));
    }

    private static long elapsedMillis(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
