package dev.masker.application.port.out;

import dev.masker.domain.agent.Upstream;
import java.util.Map;

/**
 * Driven port: the upstream LLM an agent's masked turns are forwarded to, spoken in OpenAI's chat-completions API.
 * Bodies and answers are JSON objects held as maps with string keys, lists, strings, numbers, booleans and nulls; the
 * request body is already masked, and whatever the upstream answers is handed back as it came (unknown fields too).
 *
 * <p>Both methods block the calling (virtual) thread. Failures are {@link dev.masker.domain.error.DomainException}s with
 * {@code upstream_error} (the upstream refused or broke: any status but 2xx, a body that is not OpenAI's shape, a
 * connection that failed) or {@code upstream_timeout} (connect, first byte, idle between chunks or total time over its
 * limit). Their messages never quote the upstream's body, which could echo the (masked) turn.
 */
public interface ChatUpstreamPort {
    /** The whole answer to a non-streaming request ({@code "stream": false} or absent). */
    Map<String, Object> complete(Upstream upstream, Map<String, Object> body);

    /**
     * Streams the answer to a streaming request ({@code "stream": true}): each SSE {@code data:} JSON object is handed to
     * the consumer in order as it arrives; the method returns after {@code data: [DONE]} (or the end of the stream).
     * When the consumer throws, the upstream call is abandoned at once (its connection closed) and the exception is
     * rethrown: that is how a client that went away cancels the upstream call. A failure after chunks were handed over
     * is thrown as well; the caller knows whether it had started answering.
     */
    void stream(Upstream upstream, Map<String, Object> body, ChunkConsumer consumer);

    /** Takes the chunks of a streamed answer. */
    @FunctionalInterface
    interface ChunkConsumer {
        void accept(Map<String, Object> chunk);
    }
}
