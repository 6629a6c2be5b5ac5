package dev.masker.adapters.http.vapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.adapters.http.JsonCodec;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.vapi.VapiCall;
import dev.masker.domain.vapi.VapiMessage;
import dev.masker.domain.vapi.VapiToolCall;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JacksonVapiMessageAdapterTest {
    private final JacksonVapiMessageAdapter adapter = new JacksonVapiMessageAdapter(new JsonCodec());

    private VapiMessage read(String json) {
        return adapter.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private DomainException rejection(byte[] body) {
        return assertThrows(DomainException.class, () -> adapter.read(body));
    }

    @Test
    void givenTheDocumentedEnvelopeFixture_read_findsTypeCallAndTimestamp() {
        VapiMessage message = adapter.read(VapiFixtures.bytes("assistant-request.documented.json"));

        assertTrue(message.isAssistantRequest());
        assertEquals(Optional.of("assistant-request"), message.type());
        assertEquals(OptionalLong.of(1_764_201_600_000L), message.timestamp());
        assertEquals(
                Optional.of(new VapiCall(
                        Optional.of("call_01JD8Q2W3E4R5T6Y7U8I9O0P1A"),
                        Optional.of("asst_7f3c2a9e"),
                        Optional.of("+14155552671"))),
                message.call());
    }

    @Test
    void givenVapisRealEnvelopeFixture_read_findsTheMessageInside() {
        VapiMessage message = adapter.read(VapiFixtures.bytes("assistant-request.envelope.json"));

        assertTrue(message.isAssistantRequest());
        assertEquals(OptionalLong.of(1_764_201_600_000L), message.timestamp());
        VapiCall call = message.call().orElseThrow();
        assertEquals(Optional.of("5b0c9c1e-2f7a-4d8e-9a51-3c6f0e2b7d44"), call.id());
        assertEquals(Optional.of("asst_7f3c2a9e"), call.assistantId());
        assertEquals(Optional.of("+13125550199"), call.customerNumber());
    }

    @Test
    void givenAStatusUpdateInTheRealEnvelope_read_givesItsTypeAndACallWithoutCustomer() {
        VapiMessage message = adapter.read(VapiFixtures.bytes("status-update.envelope.json"));

        assertFalse(message.isAssistantRequest());
        assertEquals(Optional.of("status-update"), message.type());
        assertEquals(OptionalLong.of(1_764_201_605_000L), message.timestamp());
        VapiCall call = message.call().orElseThrow();
        assertEquals(Optional.of("5b0c9c1e-2f7a-4d8e-9a51-3c6f0e2b7d44"), call.id());
        assertEquals(Optional.empty(), call.customerNumber());
        assertEquals(Optional.empty(), call.assistantId());
    }

    @Test
    void givenAnEndOfCallReportInTheDocumentedEnvelope_read_givesItsType() {
        VapiMessage message = adapter.read(VapiFixtures.bytes("end-of-call-report.documented.json"));

        assertEquals(Optional.of("end-of-call-report"), message.type());
        assertFalse(message.isAssistantRequest());
        assertEquals(
                Optional.of("call_01JD8Q2W3E4R5T6Y7U8I9O0P1A"),
                message.call().orElseThrow().id());
    }

    @Test
    void givenTheRealEnvelopeWithTheCustomerOnlyBesideTheCall_read_takesThatNumber() {
        VapiMessage message = read("""
                {"message":{"type":"assistant-request","call":{"id":"c1"},"customer":{"number":"+13125550199"}}}""");

        assertEquals(Optional.of("+13125550199"), message.call().orElseThrow().customerNumber());
    }

    @Test
    void givenTwoCustomerNumbers_read_prefersTheCallsOwn() {
        VapiMessage message = read("""
                {"message":{"type":"assistant-request","call":{"id":"c1","customer":{"number":"+1111"}},
                 "customer":{"number":"+2222"}}}""");

        assertEquals(Optional.of("+1111"), message.call().orElseThrow().customerNumber());
    }

    @Test
    void givenATopLevelTypeBesideAMessageField_read_usesTheDocumentedEnvelope() {
        VapiMessage message = read("""
                {"type":"assistant-request","call":{"id":"top"},"message":{"type":"status-update","call":{"id":"inner"}}}""");

        assertTrue(message.isAssistantRequest());
        assertEquals(Optional.of("top"), message.call().orElseThrow().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"not an object\"", "[]", "42", "null", "true"})
    void givenACallThatIsNotAnObject_read_givesNoCall(String call) {
        VapiMessage message = read("{\"type\":\"assistant-request\",\"call\":" + call + "}");

        assertTrue(message.isAssistantRequest());
        assertEquals(Optional.empty(), message.call());
    }

    @Test
    void givenNoCall_read_givesNoCall() {
        assertEquals(
                Optional.empty(),
                read("{\"message\":{\"type\":\"assistant-request\"}}").call());
    }

    @Test
    void givenNoType_read_givesNoTypeAndIsNotAnAssistantRequest() {
        VapiMessage message = read("{\"call\":{\"id\":\"c1\"}}");

        assertEquals(Optional.empty(), message.type());
        assertFalse(message.isAssistantRequest());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":42}",
                "{\"type\":null}",
                "{\"type\":[\"assistant-request\"]}",
                "{\"type\":{\"name\":\"assistant-request\"}}",
                "{\"type\":\"Assistant-Request\"}"
            })
    void givenATypeThatIsNotTheTextAssistantRequest_read_isNotAnAssistantRequest(String json) {
        assertFalse(read(json).isAssistantRequest());
    }

    @Test
    void givenCallFieldsOfTheWrongType_read_leavesThemEmpty() {
        VapiCall call = read("{\"type\":\"assistant-request\",\"call\":{\"id\":7,\"assistantId\":null,"
                        + "\"customer\":{\"number\":14155552671}}}")
                .call()
                .orElseThrow();

        assertEquals(new VapiCall(Optional.empty(), Optional.empty(), Optional.empty()), call);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1764201600000\"", "1764201600000.5", "1e400", "99999999999999999999999", "null", "{}"})
    void givenATimestampThatIsNotAnIntegerNumber_read_givesNoTimestamp(String timestamp) {
        assertEquals(
                OptionalLong.empty(),
                read("{\"type\":\"assistant-request\",\"timestamp\":" + timestamp + "}")
                        .timestamp());
    }

    @Test
    void givenAnIntegralTimestampWrittenWithAFraction_read_acceptsIt() {
        assertEquals(
                OptionalLong.of(1_764_201_600_000L),
                read("{\"type\":\"assistant-request\",\"timestamp\":1764201600000.0}")
                        .timestamp());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "{",
                "}",
                "not json",
                "{\"type\":\"assistant-request\"",
                "{'type':'x'}",
                "{\"type\":\"a\"} {}",
                "{\"type\":\"a\",}",
                "{\"type\":\"a\",\"type\":\"b\"}",
                "[]",
                "[{\"type\":\"a\"}]",
                "\"assistant-request\"",
                "42",
                "null",
                "true"
            })
    void givenABodyThatIsNotAJsonObject_read_rejectsAsInvalidJson(String body) {
        DomainException thrown = rejection(body.getBytes(StandardCharsets.UTF_8));

        assertEquals(ErrorCode.INVALID_JSON, thrown.code());
    }

    @Test
    void givenInvalidUtf8_read_rejectsAsInvalidJson() {
        byte[] body = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertEquals(ErrorCode.INVALID_JSON, rejection(body).code());
    }

    @Test
    void givenInvalidJsonHoldingAPhoneNumber_read_rejectsWithAMessageThatQuotesNothing() {
        DomainException thrown =
                rejection("{\"customer\":{\"number\":\"+14155552671\"".getBytes(StandardCharsets.UTF_8));

        assertEquals(ErrorCode.INVALID_JSON, thrown.code());
        assertFalse(thrown.getMessage().contains("4155552671"));
        assertEquals(null, thrown.getCause());
    }

    @Test
    void givenAnEndOfCallReport_read_findsTheEndedReasonAndTheCallsStartAndEnd() {
        VapiMessage message = read("{\"message\": {\"type\": \"end-of-call-report\", \"call\": {\"id\": \"c1\"},"
                + " \"endedReason\": \"customer-ended-call\", \"startedAt\": \"2025-11-27T00:00:05.120Z\","
                + " \"endedAt\": \"not a time\", \"artifact\": {\"transcript\": \"...\"}}}");

        assertEquals(Optional.of("customer-ended-call"), message.endedReason());
        assertEquals(Optional.of(Instant.parse("2025-11-27T00:00:05.120Z")), message.startedAt());
        assertEquals(Optional.empty(), message.endedAt(), "a malformed time is no time");
    }

    @Test
    void givenToolCallsInEitherList_read_findsEachCallsIdAndName() {
        VapiMessage list = read("{\"message\": {\"type\": \"tool-calls\", \"toolCallList\": [{\"id\": \"t1\","
                + " \"function\": {\"name\": \"book\", \"arguments\": {}}}, {\"function\": {\"name\": \"no id\"}}]}}");
        VapiMessage withTools = read("{\"message\": {\"type\": \"tool-calls\", \"toolWithToolCallList\": [{\"name\":"
                + " \"lookup\", \"toolCall\": {\"id\": \"t2\"}}]}}");

        assertEquals(List.of(new VapiToolCall("t1", Optional.of("book"))), list.toolCalls());
        assertEquals(List.of(new VapiToolCall("t2", Optional.of("lookup"))), withTools.toolCalls());
    }
}
