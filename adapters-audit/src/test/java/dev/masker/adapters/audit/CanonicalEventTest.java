package dev.masker.adapters.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.ChainHash;
import dev.masker.domain.id.EventId;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The canonical form and hash rule written down in docs/AUDIT.md, pinned to fixed vectors. */
class CanonicalEventTest {
    private static final AgentId AGENT =
            AgentId.parse("agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A").orElseThrow();
    private static final EventId EVENT = new EventId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1B"));
    private static final RequestId REQUEST = new RequestId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1C"));
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00.123456789Z");

    @Test
    void givenEvent_body_isCompactJsonWithSortedKeysAndMillisecondUtcTime() {
        AuditEvent event = AuditEvent.agentCreated(EVENT, AT, AGENT, "ops-admin", Optional.empty(), REQUEST);

        assertEquals(
                "{\"agent_id\":\"agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A\",\"data\":{\"has_config_callback\":\"false\","
                        + "\"principal\":\"ops-admin\",\"request_id\":\"req_01JD8Q2W3E4R5T6Y7V8X9Z0P1C\"},"
                        + "\"event_id\":\"evt_01JD8Q2W3E4R5T6Y7V8X9Z0P1B\",\"occurred_at\":\"2026-03-01T09:30:00.123Z\","
                        + "\"seq\":7,\"type\":\"agent_created\"}",
                CanonicalEvent.body(event, 7));
    }

    @Test
    void givenGenesisAndBody_hash_isLowerHexSha256OfTheirUtf8Concatenation() {
        String body = CanonicalEvent.body(
                AuditEvent.agentCreated(EVENT, AT, AGENT, "ops-admin", Optional.empty(), REQUEST), 7);

        assertEquals(
                "d9e1fa08b855b8991b322173a5ac639f8a67459069f435202bb02811abeff6b9",
                ChainHash.of(ChainHash.GENESIS, body));
    }

    @Test
    void givenDataNeedingEscapes_body_parsesBackToTheSameValues() {
        String principal = "Zoë \"ops\"\n\\admin";
        AuditEvent event = AuditEvent.agentCreated(EVENT, AT, AGENT, principal, Optional.empty(), REQUEST);

        String body = CanonicalEvent.body(event, 1);

        assertTrue(body.contains("\"principal\":\"Zoë \\\"ops\\\"\\n\\\\admin\""), body);
        assertEquals(principal, ((Map<?, ?>) CanonicalEvent.parse(body).get("data")).get("principal"));
    }
}
