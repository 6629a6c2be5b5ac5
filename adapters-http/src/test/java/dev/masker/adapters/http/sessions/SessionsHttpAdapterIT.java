package dev.masker.adapters.http.sessions;

import static dev.masker.adapters.http.RoutedServer.assertError;
import static dev.masker.adapters.http.RoutedServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.RecordingStub;
import dev.masker.adapters.http.RoutedServer;
import dev.masker.application.port.in.GetSessionQuery;
import dev.masker.application.port.in.ListAgentSessionsQuery;
import dev.masker.application.port.in.ListSessionsQuery;
import dev.masker.application.port.in.SessionPage;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.session.activity.SessionDetail;
import dev.masker.domain.session.activity.SessionSummary;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /api/v1/sessions}, {@code /api/v1/sessions/{id}} and {@code /api/v1/agents/{id}/sessions} on real routing with
 * stand-in use cases: the list parameters reach the use case as written, the answers have their documented shape, and
 * every route is behind the admin authentication.
 */
class SessionsHttpAdapterIT {
    private static final AgentId AGENT = new AgentId(new Ulid("01J0000000000000000000AGNT"));
    private static final SessionSummary SESSION = new SessionSummary(
            new SessionId(new Ulid("01J0000000000000000000SESS")),
            AGENT,
            "Front desk",
            Instant.parse("2026-05-03T21:14:32.481Z"),
            Optional.of(Instant.parse("2026-05-03T21:16:02.481Z")),
            4,
            0,
            Map.of(PhiKind.PHONE, 2L, PhiKind.NAME, 1L),
            Optional.of("gpt-4o-mini"));

    /** One call of the agent's list: the agent id from the path and the query. */
    private static final RecordingStub<ListSessionsQuery, SessionPage> LIST = new RecordingStub<>(query -> null);

    private static final RecordingStub<ListAgentSessionsQuery, SessionPage> LIST_OF_AGENT =
            new RecordingStub<>(query -> null);
    private static final RecordingStub<GetSessionQuery, SessionDetail> GET = new RecordingStub<>(query -> null);

    private static RoutedServer server;

    @BeforeAll
    static void serve() {
        server = RoutedServer.start(
                new SessionsHttpAdapter(LIST::call, LIST_OF_AGENT::call, GET::call, RoutedServer.JSON));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void answerOnePage() {
        LIST.answerWith(query -> new SessionPage(List.of(SESSION), Optional.empty()));
        LIST_OF_AGENT.answerWith(call -> new SessionPage(List.of(SESSION), Optional.of("next-page")));
        GET.answerWith(id -> new SessionDetail(SESSION, List.of(), Optional.empty()));
    }

    @Test
    void givenEveryParameter_list_handsThemToTheUseCaseAsWritten() {
        HttpResponse<String> response = server.asAdmin(
                "GET",
                "/api/v1/sessions?limit=10&cursor=c1&since=7d&agent_id=agt_x" + "&status=error&min_redactions=abc",
                null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                new ListSessionsQuery(
                        Optional.of("10"),
                        Optional.of("c1"),
                        Optional.of("7d"),
                        Optional.of("agt_x"),
                        Optional.of("error"),
                        Optional.of("abc")),
                LIST.last());
    }

    @Test
    void givenSessions_list_answersThePageWithEachSessionsSummary() {
        JsonNode body = json(server.asAdmin("GET", "/api/v1/sessions", null));

        assertTrue(body.get("next_cursor").isNull(), body.toString());
        JsonNode session = body.get("data").get(0);
        assertEquals(SESSION.id().value(), session.get("id").asText());
        assertEquals(AGENT.value(), session.get("agent_id").asText());
        assertEquals("2026-05-03T21:14:32.481Z", session.get("started_at").asText());
        assertEquals(90_000, session.get("duration_ms").asLong());
        assertEquals("ok", session.get("status").asText());
        assertEquals(3, session.get("redaction_count").asLong());
        assertEquals(
                "{\"NAME\":1,\"PHONE\":2}", session.get("redactions_by_kind").toString());
    }

    @Test
    void givenNoParameters_list_handsTheUseCaseNone() {
        server.asAdmin("GET", "/api/v1/sessions", null);

        assertEquals(
                new ListSessionsQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                LIST.last());
    }

    @Test
    void givenAParameterTheUseCaseRefuses_list_answers422() {
        LIST.answerWith(query -> {
            throw DomainException.invalid("since", "must be 1h, 24h, 7d, 30d or an ISO-8601 instant");
        });

        JsonNode error =
                assertError(server.asAdmin("GET", "/api/v1/sessions?since=yesterday", null), 422, "validation_failed");
        assertEquals("since", error.get("details").get(0).get("field").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"since=%00", "status=%C0%AF"})
    void givenAQueryParameterThatIsNotText_list_answers422WithoutCallingTheUseCase(String query) {
        assertError(server.asAdmin("GET", "/api/v1/sessions?" + query, null), 422, "validation_failed");
        assertEquals(List.of(), LIST.received());
    }

    @Test
    void givenAnAgent_itsList_handsTheUseCaseTheAgentFromThePath() {
        HttpResponse<String> response =
                server.asAdmin("GET", "/api/v1/agents/" + AGENT.value() + "/sessions?limit=5", null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(AGENT.value(), LIST_OF_AGENT.last().agentIdText());
        assertEquals(Optional.of("5"), LIST_OF_AGENT.last().parameters().limit());
        assertEquals("next-page", json(response).get("next_cursor").asText());
    }

    @Test
    void givenAnUnknownAgent_itsList_answers404() {
        LIST_OF_AGENT.rejectWith(ErrorCode.AGENT_NOT_FOUND);

        assertError(server.asAdmin("GET", "/api/v1/agents/agt_nope/sessions", null), 404, "agent_not_found");
    }

    @Test
    void givenASession_get_answersItsDetail() {
        HttpResponse<String> response =
                server.asAdmin("GET", "/api/v1/sessions/" + SESSION.id().value(), null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(SESSION.id().value(), GET.last().sessionIdText());
        JsonNode session = json(response).get("session");
        assertEquals(SESSION.id().value(), session.get("id").asText());
        assertEquals("[]", session.get("events").toString());
        assertTrue(session.get("call_ended").isNull(), session.toString());
        assertTrue(session.has("stage_durations_ms"), session.toString());
    }

    @Test
    void givenAnUnknownSession_get_answers404SessionNotFound() {
        GET.rejectWith(ErrorCode.SESSION_NOT_FOUND);

        assertError(server.asAdmin("GET", "/api/v1/sessions/sess_nope", null), 404, "session_not_found");
        assertEquals("sess_nope", GET.last().sessionIdText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/sessions", "/api/v1/sessions/sess_x", "/api/v1/agents/agt_x/sessions"})
    void givenNoCredentials_anyRoute_answers401(String path) {
        assertError(server.send(server.request(path)), 401, "unauthenticated");
        assertEquals(
                0,
                LIST.received().size()
                        + LIST_OF_AGENT.received().size()
                        + GET.received().size());
    }

    @Test
    void givenAMethodOtherThanGet_theList_answers405() {
        HttpResponse<String> response = server.asAdmin("POST", "/api/v1/sessions", "{}");

        RoutedServer.assertMethodNotAllowed(response, "GET");
    }
}
