package dev.masker.adapters.http.vapi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.adapters.http.JsonCodec;
import dev.masker.adapters.http.vapi.FakeClinicEndpoint.Answer;
import dev.masker.adapters.http.vapi.FakeClinicEndpoint.Framing;
import dev.masker.application.port.out.FetchAssistantOverridesPort.CallbackOutcome;
import dev.masker.application.port.out.FetchAssistantOverridesPort.CallbackRequest;
import dev.masker.application.port.out.RelayVapiMessagePort.RelayOutcome;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.ForwardTarget;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.vapi.VapiCall;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The signed POSTs to a clinic's endpoints, through both adapters that make them (the configuration callback and the
 * relay), against a raw socket answering in every framing small servers use: HTTP/1.0 with or without a length, bodies
 * that end at the connection's close, chunks, keep-alive. Every failure keeps its outcome.
 */
class SignedPostsIT {
    private static final String SECRET = "clinic-secret-0123456789";
    private static final Duration LONG = Duration.ofSeconds(3);
    private static final String ANSWER = """
            {"assistant": {"firstMessage": "Hello Ada", "voice": {"voiceId": "v2"}}}""";
    private static final JsonCodec JSON = new JsonCodec();
    private static final AssistantConfig OVERRIDES = AssistantConfig.of(
            JSON.toMap(JSON.readTree(ANSWER.getBytes(StandardCharsets.UTF_8)).get("assistant")));
    private static final CallbackRequest REQUEST = new CallbackRequest(
            AgentId.parse("agt_01HZY3K8Q7V2W9X4M5N6P7R8S9").orElseThrow(),
            new VapiCall(Optional.of("call-1"), Optional.of("asst-1"), Optional.of("+14155552671")),
            OptionalLong.of(1764201600000L));
    private static final byte[] MESSAGE = """
            {"message": {"type": "tool-calls", "call": {"id": "call-1"}, "toolCallList": []}}""".getBytes(StandardCharsets.UTF_8);
    private static final HttpConfigCallbackAdapter CALLBACKS = new HttpConfigCallbackAdapter(JSON, Clock.systemUTC());
    private static final HttpVapiRelayAdapter RELAYS = new HttpVapiRelayAdapter(JSON, Clock.systemUTC());

    /** Who posts; what became of a post is one word: "answered" (the answer read whole) or the failure's reason. */
    enum Caller {
        CONFIG_CALLBACK,
        RELAY;

        String post(URI url, Duration timeout) {
            return switch (this) {
                case CONFIG_CALLBACK ->
                    switch (CALLBACKS.fetch(new ConfigCallback(url, SECRET, timeout), REQUEST)) {
                        case CallbackOutcome.Overrides overrides ->
                            overrides.assistant().equals(OVERRIDES) ? "answered" : "misread";
                        case CallbackOutcome.Failed failed -> failed.reason().wireName();
                    };
                case RELAY ->
                    switch (RELAYS.relay(new ForwardTarget(url, SECRET, timeout, Set.of()), MESSAGE)) {
                        case RelayOutcome.Answered answered ->
                            Arrays.equals(answered.json(), ANSWER.getBytes(StandardCharsets.UTF_8))
                                    ? "answered"
                                    : "misread";
                        case RelayOutcome.Failed failed -> failed.reason();
                    };
            };
        }
    }

    private final List<AutoCloseable> endpoints = new ArrayList<>();

    @AfterEach
    void closeEndpoints() throws Exception {
        for (AutoCloseable endpoint : endpoints) {
            endpoint.close();
        }
    }

    @AfterAll
    static void closeAdapters() {
        CALLBACKS.close();
        RELAYS.close();
    }

    private FakeClinicEndpoint trickling(Answer answer) throws IOException {
        FakeClinicEndpoint endpoint = FakeClinicEndpoint.trickling(answer);
        endpoints.add(endpoint);
        return endpoint;
    }

    /** The same check for both callers, each reported on its own. */
    private static void forEachCaller(Function<Caller, Executable> check) {
        assertAll(Arrays.stream(Caller.values()).map(check));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Framing.class)
    void givenAnswerInAnyFraming_postTwice_readsItWholeBothTimes(Framing framing) throws IOException {
        URI url = trickling(framing.answer(200, ANSWER)).url();

        // Twice: a connection the server closed must never carry the next call.
        forEachCaller(caller -> () -> assertEquals(
                List.of("answered", "answered"),
                List.of(caller.post(url, LONG), caller.post(url, LONG)),
                caller.name()));
    }

    @Test
    void givenHttp10ServerClosingRightAfterItsAnswer_postManyTimesInARow_neverUsesTheClosedConnection()
            throws IOException {
        // An HTTP/1.0 answer with a length, sent in one write and closed at once: the client must not keep the
        // connection.
        FakeClinicEndpoint endpoint = FakeClinicEndpoint.prompt(Framing.HTTP_1_0_CONTENT_LENGTH.answer(200, ANSWER));
        endpoints.add(endpoint);

        forEachCaller(caller -> () -> {
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                outcomes.add(caller.post(endpoint.url(), LONG));
            }
            assertEquals(List.of("answered"), outcomes.stream().distinct().toList(), caller.name());
        });
    }

    @Test
    void givenHttp10Endpoint_post_signsTheBodyItSends() throws IOException {
        FakeClinicEndpoint endpoint = trickling(Framing.HTTP_1_0_UNTIL_CLOSE.answer(200, ANSWER));

        Caller.CONFIG_CALLBACK.post(endpoint.url(), LONG);
        Caller.RELAY.post(endpoint.url(), LONG);

        assertEquals(2, endpoint.received().size());
        assertEquals(MESSAGE.length, endpoint.received().get(1).body().length);
        assertAll(endpoint.received().stream().map(received -> () -> {
            String signature = received.headers().get("x-masker-signature");
            String timestamp = signature.substring(2, signature.indexOf(','));
            assertAll(
                    () -> assertEquals("POST /masker HTTP/1.1", received.requestLine()),
                    () -> assertEquals("application/json", received.headers().get("content-type")),
                    () -> assertEquals(
                            "v1=" + SignedPosts.sign(SECRET, timestamp, received.body()),
                            signature.substring(signature.indexOf(',') + 1)),
                    () -> assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 60));
        }));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Framing.class)
    void givenErrorStatusInAnyFraming_post_failsWithErrorStatus(Framing framing) throws IOException {
        URI url = trickling(framing.answer(500, "{\"error\": \"down\"}")).url();

        forEachCaller(caller -> () -> assertEquals("error_status", caller.post(url, LONG), caller.name()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Framing.class)
    void givenNotJsonInAnyFraming_post_failsWithInvalidBody(Framing framing) throws IOException {
        URI url = trickling(framing.answer(200, "<html>not json</html>")).url();

        forEachCaller(caller -> () -> assertEquals("invalid_body", caller.post(url, LONG), caller.name()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Framing.class)
    void givenAnswerOverEitherLimitInAnyFraming_post_failsWithInvalidBody(Framing framing) throws IOException {
        // Over the relay's 1 MiB, and so over the callback's 256 KiB as well.
        String tooLong = "{\"assistant\": {\"firstMessage\": \"" + "a".repeat(1024 * 1024) + "\"}}";
        URI url = trickling(framing.answer(200, tooLong)).url();

        forEachCaller(caller -> () -> assertEquals("invalid_body", caller.post(url, LONG), caller.name()));
    }

    @Test
    void givenBodyThatNeverEnds_post_timesOutWithinTheTimeout() throws IOException {
        // HTTP/1.0 without a length, part of the body, and the connection held open: only a close could end it.
        URI url = trickling(new Answer(
                        "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n", "{\"assistant\": {", false))
                .url();

        forEachCaller(caller -> () -> {
            long started = System.nanoTime();
            String outcome = caller.post(url, Duration.ofMillis(500));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals("timeout", outcome, caller.name());
            assertTrue(elapsedMs < 1500, caller.name() + " took " + elapsedMs + " ms");
        });
    }

    @Test
    void givenRedirect_post_doesNotFollowIt() throws IOException {
        FakeClinicEndpoint elsewhere = trickling(Framing.HTTP_1_0_UNTIL_CLOSE.answer(200, ANSWER));
        URI url = trickling(new Answer(
                        "HTTP/1.0 307 Temporary Redirect\r\nLocation: " + elsewhere.url() + "\r\n\r\n", "", true))
                .url();

        forEachCaller(caller -> () -> assertEquals("error_status", caller.post(url, LONG), caller.name()));
        assertEquals(0, elsewhere.received().size());
    }

    @Test
    void givenNothingListening_post_failsAsUnreachable() throws IOException {
        FakeClinicEndpoint endpoint = trickling(Framing.HTTP_1_0_UNTIL_CLOSE.answer(200, ANSWER));
        endpoint.close();

        forEachCaller(caller -> () -> assertEquals("unreachable", caller.post(endpoint.url(), LONG), caller.name()));
    }
}
