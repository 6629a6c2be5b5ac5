package dev.masker.domain.vapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VapiMessageKindTest {
    @ParameterizedTest
    @CsvSource({
        "assistant-request, ASSISTANT_REQUEST",
        "end-of-call-report, END_OF_CALL_REPORT",
        "tool-calls, NEEDS_ANSWER",
        "transfer-destination-request, NEEDS_ANSWER",
        "voice-request, NEEDS_ANSWER",
        "call.endpointing.request, NEEDS_ANSWER",
        "status-update, INFORMATIONAL",
        "transcript, INFORMATIONAL",
        "next-years-new-type, INFORMATIONAL"
    })
    void givenAType_of_givesWhatMaskerDoesWithIt(String type, VapiMessageKind kind) {
        assertEquals(Optional.of(kind), VapiMessageKind.of(Optional.of(type)));
    }

    @Test
    void givenNoType_of_isEmpty() {
        assertEquals(Optional.empty(), VapiMessageKind.of(Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-ended-call", "pipeline-error-openai-llm-failed", "call.in-progress.error-x"})
    void givenAnIdentifier_auditableEndedReason_keepsIt(String reason) {
        assertEquals(reason, report(Optional.of(reason)).auditableEndedReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane Roe hung up", "", "Customer-Ended", "call ended 415-555-0132"})
    void givenFreeText_auditableEndedReason_isOther(String reason) {
        assertEquals("other", report(Optional.of(reason)).auditableEndedReason());
    }

    @Test
    void givenNoReason_auditableEndedReason_isUnknown() {
        assertEquals("unknown", report(Optional.empty()).auditableEndedReason());
    }

    private static VapiMessage report(Optional<String> reason) {
        return new VapiMessage(
                Optional.of("end-of-call-report"),
                Optional.empty(),
                OptionalLong.empty(),
                reason,
                Optional.empty(),
                Optional.empty(),
                List.of());
    }
}
