package dev.masker.application.port.in;

/**
 * Answers every server message Vapi sends to an agent's webhook (SPEC §4): the {@code assistant-request} with the
 * assistant configuration, the {@code end-of-call-report} by ending the call's session, the messages whose answer Vapi
 * reads as a failure when no backend takes them, and every other message with an empty 200.
 */
public interface AnswerVapiMessageUseCase {
    /**
     * The answer to the message, after the rate limit, the signature, the body and the agent are checked. For an
     * assistant-request the call's {@code call_started} event is durable first, for an end-of-call report its
     * {@code call_ended} event.
     *
     * @throws dev.masker.domain.error.DomainException with {@code rate_limited}, {@code bad_signature},
     *         {@code invalid_json}, {@code agent_not_found}, {@code unsupported_event} (no type), {@code validation_failed}
     *         or {@code audit_unavailable}, checked in that order
     */
    VapiAnswer answer(AnswerVapiMessageCommand command);
}
