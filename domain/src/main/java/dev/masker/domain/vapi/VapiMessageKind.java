package dev.masker.domain.vapi;

import java.util.Optional;
import java.util.Set;

/**
 * What Masker does with a Vapi server message (SPEC §4, step 5). Vapi sends every server message of an assistant to the
 * Server URL that answered its assistant-request, so each type gets an answer: the assistant configuration, the end of
 * the call's session, a relay to the clinic's backend for the messages whose answer Vapi reads, or an empty 200.
 */
public enum VapiMessageKind {
    /** {@code assistant-request}: answered with the assistant configuration. */
    ASSISTANT_REQUEST,
    /** {@code end-of-call-report}: ends the call's proxy session and records {@code call_ended}. */
    END_OF_CALL_REPORT,
    /** Messages whose answer Vapi reads: relayed to the agent's backend, or answered as a failure without one. */
    NEEDS_ANSWER,
    /** Everything else, including types Masker does not know yet: 200 {@code {}} at once. */
    INFORMATIONAL;

    /**
     * The types of Vapi's {@code ServerMessage} whose answer Vapi reads (those with a {@code ServerMessageResponse} in
     * {@code @vapi-ai/server-sdk} 2.0.1), other than the assistant-request.
     */
    public static final Set<String> NEEDS_ANSWER_TYPES = Set.of(
            "tool-calls",
            "transfer-destination-request",
            "knowledge-base-request",
            "handoff-destination-request",
            "voice-request",
            "call.endpointing.request",
            "campaign.predial");

    public static final String END_OF_CALL_REPORT_TYPE = "end-of-call-report";

    /** The kind of a message of this type; empty when the message has no type (422 {@code unsupported_event}). */
    public static Optional<VapiMessageKind> of(Optional<String> type) {
        return type.map(VapiMessageKind::ofType);
    }

    private static VapiMessageKind ofType(String type) {
        if (VapiMessage.ASSISTANT_REQUEST.equals(type)) {
            return ASSISTANT_REQUEST;
        }
        if (END_OF_CALL_REPORT_TYPE.equals(type)) {
            return END_OF_CALL_REPORT;
        }
        return NEEDS_ANSWER_TYPES.contains(type) ? NEEDS_ANSWER : INFORMATIONAL;
    }
}
