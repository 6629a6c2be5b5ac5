package dev.masker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.assistant.CallbackFailure;
import dev.masker.domain.assistant.ResolvedAssistant;
import dev.masker.domain.id.EventId;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.vapi.CallId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    private static final String NUMBER = "+14155552671";
    private static final AgentId AGENT =
            AgentId.parse("agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A").orElseThrow();
    private static final EventId EVENT = new EventId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1B"));
    private static final RequestId REQUEST = new RequestId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1C"));
    private static final Instant AT = Instant.parse("2025-11-27T00:00:00.000Z");
    private static final AssistantConfig PROMPTED = AssistantConfig.of(Map.of(
            "firstMessage",
            "Hi, calling about your appointment",
            "model",
            Map.of("model", "gpt-4o", "messages", Map.of("content", "Patient phone " + NUMBER))));

    private final PhoneFingerprinter fingerprinter =
            new PhoneFingerprinter(PhoneFingerprinterTest.tokens(3), MaskingPolicy.HEALTHCARE_KID);

    private AuditEvent callStarted(ResolvedAssistant resolved) {
        return AuditEvent.callStarted(
                EVENT,
                AT,
                AGENT,
                new CallId("call_01JD8Q2W3E4R5T6Y7U8I9O0P1A"),
                Optional.of("asst_7f3c2a9e"),
                "gpt-4o",
                resolved,
                REQUEST,
                fingerprinter.fingerprint(NUMBER));
    }

    @Test
    void givenACustomerNumber_callStarted_holdsNoRunOfFourOrMoreOfItsDigits() {
        AuditEvent event = callStarted(ResolvedAssistant.fromDefaults(PROMPTED));

        event.data().forEach((key, value) -> {
            assertFalse(value.contains(NUMBER), key);
            assertFalse(value.contains("5552671"), key);
        });
        String fingerprint = event.data().get("customer_fingerprint");
        assertEquals(
                fingerprinter.fingerprint("+1 (415) 555-2671").orElseThrow().value(), fingerprint);
        String allData = String.join(" ", event.data().values());
        String digits = NUMBER.substring(1);
        for (int i = 0; i + 4 <= digits.length(); i++) {
            String run = digits.substring(i, i + 4);
            assertFalse(allData.contains(run), "run " + run + " in " + allData);
        }
    }

    @Test
    void givenAResolvedAssistant_callStarted_recordsIdsModelAndSourceButNoConfiguration() {
        AuditEvent event = callStarted(ResolvedAssistant.fromDefaults(PROMPTED));

        assertEquals(AuditEventType.CALL_STARTED, event.type());
        assertEquals(Optional.of(AGENT), event.agentId());
        assertEquals(AT, event.occurredAt());
        assertEquals("call_01JD8Q2W3E4R5T6Y7U8I9O0P1A", event.data().get("call_id"));
        assertEquals("asst_7f3c2a9e", event.data().get("assistant_id"));
        assertEquals("gpt-4o", event.data().get("model"));
        assertEquals("static", event.data().get("config_source"));
        assertEquals(REQUEST.value(), event.data().get("request_id"));
        assertFalse(event.data().containsKey("fallback_reason"));
        String allData = String.join(" ", event.data().values());
        assertFalse(allData.contains("appointment"));
        assertFalse(allData.contains("Patient"));
    }

    @Test
    void givenAFallback_callStarted_recordsTheSourceAndTheReason() {
        AuditEvent event = callStarted(ResolvedAssistant.fallback(PROMPTED, CallbackFailure.TIMEOUT));

        assertEquals("callback_fallback", event.data().get("config_source"));
        assertEquals("timeout", event.data().get("fallback_reason"));
    }

    @Test
    void givenNoCustomerNumberAndNoAssistantId_callStarted_leavesThoseKeysOut() {
        AuditEvent event = AuditEvent.callStarted(
                EVENT,
                AT,
                AGENT,
                new CallId("c1"),
                Optional.empty(),
                "gpt-4o-mini",
                ResolvedAssistant.fromDefaults(AssistantConfig.empty()),
                REQUEST,
                Optional.empty());

        assertFalse(event.data().containsKey("customer_fingerprint"));
        assertFalse(event.data().containsKey("assistant_id"));
    }

    @Test
    void givenOneAgentAndCall_callStarted_carriesADedupKeyForThatPair() {
        AuditEvent event = callStarted(ResolvedAssistant.fromDefaults(PROMPTED));

        assertEquals(
                Optional.of("call_started:agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A:call_01JD8Q2W3E4R5T6Y7U8I9O0P1A"),
                event.dedupKey());
        assertEquals(
                event.dedupKey().orElseThrow(),
                AuditEvent.callStartedKey(AGENT, new CallId("call_01JD8Q2W3E4R5T6Y7U8I9O0P1A")));
    }

    @Test
    void givenAnEvent_data_cannotBeChanged() {
        AuditEvent event = callStarted(ResolvedAssistant.fromDefaults(PROMPTED));

        assertThrows(UnsupportedOperationException.class, () -> event.data().put("number", NUMBER));
    }

    @Test
    void givenABadDataKeyOrANullValue_constructor_throws() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("ok_key", null);

        assertThrows(
                IllegalArgumentException.class,
                () -> new AuditEvent(
                        EVENT,
                        AuditEventType.AGENT_CREATED,
                        AT,
                        Optional.empty(),
                        Map.of("Bad-Key", "x"),
                        Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AuditEvent(
                        EVENT, AuditEventType.AGENT_CREATED, AT, Optional.empty(), nullValue, Optional.empty()));
    }

    @Test
    void givenAnAgentCreation_agentCreated_recordsThePrincipalAndWhetherThereIsACallback() {
        AuditEvent event = AuditEvent.agentCreated(EVENT, AT, AGENT, "admin", Optional.empty(), REQUEST);

        assertEquals(AuditEventType.AGENT_CREATED, event.type());
        assertEquals("agent_created", event.type().wireName());
        assertEquals(
                Map.of("principal", "admin", "has_config_callback", "false", "request_id", REQUEST.value()),
                event.data());
        assertTrue(event.dedupKey().isEmpty());
    }

    @Test
    void givenASignInAndOut_adminEvents_recordThePrincipalAndRequestOnly() {
        AdminPrincipal principal = new AdminPrincipal("admin-token:bb9e266a");

        AuditEvent in = AuditEvent.adminSignedIn(EVENT, AT, principal, REQUEST);
        AuditEvent out = AuditEvent.adminSignedOut(EVENT, AT, principal, REQUEST);

        assertEquals("admin_signed_in", in.type().wireName());
        assertEquals("admin_signed_out", out.type().wireName());
        for (AuditEvent event : new AuditEvent[] {in, out}) {
            assertEquals(Map.of("principal", "admin-token:bb9e266a", "request_id", REQUEST.value()), event.data());
            assertEquals(Optional.empty(), event.agentId());
            assertTrue(event.dedupKey().isEmpty());
        }
    }

    @Test
    void givenADataValueWithANulOrALoneSurrogate_create_isRefused() {
        for (String value : new String[] {"a\u0000b", "p-1\ud800", "\udc00x"}) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new AuditEvent(
                            EVENT,
                            AuditEventType.AGENT_CREATED,
                            AT,
                            Optional.of(AGENT),
                            Map.of("principal", value),
                            Optional.empty()),
                    value);
        }
    }

    @Test
    void givenADataValueWithAPairedSurrogate_create_isAccepted() {
        assertEquals(
                "call \ud83d\ude00",
                new AuditEvent(
                                EVENT,
                                AuditEventType.AGENT_CREATED,
                                AT,
                                Optional.of(AGENT),
                                Map.of("principal", "call \ud83d\ude00"),
                                Optional.empty())
                        .data()
                        .get("principal"));
    }

    @Test
    void givenCallIdsWithLoneSurrogates_isValid_refusesThem() {
        assertFalse(CallId.isValid("p-1\ud800"));
        assertFalse(CallId.isValid("\udc00p-1"));
        assertFalse(CallId.isValid("p-1\ude00\ud83d"));
        assertTrue(CallId.isValid("p-1\ud83d\ude00"));
    }
}
