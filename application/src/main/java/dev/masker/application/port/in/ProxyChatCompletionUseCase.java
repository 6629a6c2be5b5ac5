package dev.masker.application.port.in;

import java.util.Map;

/**
 * Driving port: the OpenAI-compatible PHI proxy (SPEC §7). Checks, in order, the agent ({@code agent_not_found}), the
 * proxy key ({@code unauthenticated}), the agent's rate limit ({@code rate_limited}), the body
 * ({@code validation_failed}) and the model ({@code model_not_allowed}); then masks the turn in the call's session,
 * forwards it to the agent's upstream, rehydrates the answer — whole or chunk by chunk — into the sink, and records the
 * turn in the audit log.
 */
public interface ProxyChatCompletionUseCase {
    /**
     * Answers the request into the sink: one {@link AnswerPart.Whole} for a non-streaming request; for a streaming one
     * an {@link AnswerPart.Chunk} per chunk and then {@link AnswerPart.Done}. Failures before
     * anything reached the sink are thrown as {@link dev.masker.domain.error.DomainException}s; a failure after chunks
     * were sent is thrown too, and the sink's owner decides how to end the stream. An exception thrown by the sink
     * (the client went away) cancels the upstream call and is rethrown.
     */
    void answer(ProxyChatCompletionCommand command, AnswerSink sink);

    /** Where the rehydrated answer goes: the HTTP adapter's response, as JSON or as server-sent events. */
    @FunctionalInterface
    interface AnswerSink {
        void accept(AnswerPart part);
    }

    /** A piece of the answer. */
    sealed interface AnswerPart {
        /** The whole answer to a non-streaming request. */
        record Whole(Map<String, Object> answer) implements AnswerPart {}

        /** One chunk of a streamed answer. */
        record Chunk(Map<String, Object> chunk) implements AnswerPart {}

        /** The streamed answer is complete. */
        record Done() implements AnswerPart {}
    }
}
