package dev.masker.application.port.in;

import dev.masker.domain.assistant.AssistantConfig;

/** Answers Vapi's {@code assistant-request} webhook with the assistant configuration for the call (SPEC §4). */
public interface AnswerAssistantRequestUseCase {
    /**
     * The assistant configuration for the call, its model routed through Masker's proxy, after the call's
     * {@code call_started} event is durable.
     *
     * @throws dev.masker.domain.error.DomainException with {@code rate_limited}, {@code bad_signature},
     *         {@code invalid_json}, {@code agent_not_found}, {@code unsupported_event}, {@code validation_failed} or
     *         {@code audit_unavailable}, checked in that order
     */
    AssistantConfig answer(AnswerAssistantRequestCommand command);
}
