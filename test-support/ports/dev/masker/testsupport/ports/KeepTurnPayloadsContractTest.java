package dev.masker.testsupport.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.application.port.out.KeepTurnPayloadsPort;
import dev.masker.application.port.out.KeepTurnPayloadsPort.TurnPayload;
import dev.masker.domain.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of the kept turn payloads ({@link KeepTurnPayloadsPort}), run against the in-memory fake the service
 * tests use ({@link InMemoryTurnPayloads}) and the PostgreSQL adapter alike. Every test keeps payloads of new sessions:
 * the store is never emptied. Payloads are kept under {@link KeepVaultEntriesContractTest#KID}, whose key the store must hold.
 */
public abstract class KeepTurnPayloadsContractTest {
    private static final Instant KEPT = Instant.parse("2026-11-27T09:15:30.123Z");

    /** The store under test. */
    protected abstract KeepTurnPayloadsPort payloads();

    private static TurnPayload payload(SessionId session, String requestId, Instant at, Map<String, Object> content) {
        return new TurnPayload(session, requestId, KeepVaultEntriesContractTest.KID, at, content);
    }

    /** A turn as the proxy keeps it: nested objects, a list, numbers, a boolean and text with PHI in it. */
    private static Map<String, Object> turn(String said) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(
                "request", Map.of("messages", List.of(Map.of("role", "user", "content", said)), "temperature", 0.5));
        content.put("upstream", Map.of("model", "gpt-4o", "max_tokens", 250, "stream", true));
        content.put("answer", List.of("Hello ", "Jane"));
        return content;
    }

    @Test
    void givenKeptPayloads_ofSession_givesEachByItsRequestIdInTheOrderKept() {
        SessionId session = KeepVaultEntriesContractTest.newSession();

        payloads().keep(payload(session, "req_1", KEPT, turn("I am Jane Doe")));
        payloads().keep(payload(session, "req_2", KEPT.plus(Duration.ofSeconds(4)), turn("born 03/05/1961")));

        Map<String, Map<String, Object>> kept = payloads().ofSession(session);
        assertEquals(List.of("req_1", "req_2"), List.copyOf(kept.keySet()));
        assertEquals(turn("I am Jane Doe"), kept.get("req_1"));
        assertEquals(turn("born 03/05/1961"), kept.get("req_2"));
    }

    @Test
    void givenAPayloadKeptForARequest_keepAnotherForIt_keepsTheFirst() {
        SessionId session = KeepVaultEntriesContractTest.newSession();

        payloads().keep(payload(session, "req_1", KEPT, turn("first")));
        payloads().keep(payload(session, "req_1", KEPT.plusSeconds(1), turn("second")));

        assertEquals(Map.of("req_1", turn("first")), payloads().ofSession(session));
    }

    @Test
    void givenAnotherSessionsPayloads_ofSession_leavesThemOut() {
        SessionId session = KeepVaultEntriesContractTest.newSession();
        SessionId other = KeepVaultEntriesContractTest.newSession();
        payloads().keep(payload(other, "req_1", KEPT, turn("not yours")));

        assertEquals(Map.of(), payloads().ofSession(session));
        assertEquals(Map.of("req_1", turn("not yours")), payloads().ofSession(other));
    }
}
