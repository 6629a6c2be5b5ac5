package dev.masker.adapters.http.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.out.ChatUpstreamPort;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls any OpenAI-compatible chat-completions endpoint with Helidon WebClient: a POST of the (masked) body to
 * {@code {base}/chat/completions} with the agent's model, answered as one JSON object or as a {@code text/event-stream}
 * of chunks handed over as they arrive.
 *
 * <p>Time limits. Each call runs on a virtual thread of its own (the reader) that talks HTTP and hands what it read to
 * the caller through a small queue; the caller waits on that queue against the deadlines: the response headers within
 * the first-byte limit of the start (connecting included), then no silence between two reads longer than the idle
 * limit, and the whole call within the total limit. When a deadline passes, or the consumer throws, the caller
 * interrupts the reader: a virtual thread blocked in socket I/O that is interrupted has its socket closed, so the
 * upstream connection is dropped at once, never left to drain. The connect limit is the socket's own.
 *
 * <p>Connections are kept alive: WebClient pools a connection again only once its answer was read to the end, so a
 * stream is read on after {@code [DONE]} to the end of its body (within {@link #BODY_END_AFTER_DONE}) before the call
 * returns. Otherwise every streamed turn would pay a new TCP and TLS handshake.
 *
 * <p>Nothing the upstream sent reaches an error message or a log line: logs carry the status, the time taken and the
 * failure's cause as {@link FailureCause} describes it.
 */
public final class OpenAiChatUpstreamAdapter implements ChatUpstreamPort {
    private static final System.Logger LOG = System.getLogger(OpenAiChatUpstreamAdapter.class.getName());
    /** The largest whole answer, and the largest single streamed event, read from the upstream. */
    static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private static final int READ_BUFFER_BYTES = 8192;
    private static final int QUEUE_CAPACITY = 64;
    private static final String DONE = "[DONE]";
    /** The most bytes read and thrown away after {@code [DONE]} while waiting for the body's end; nothing should come. */
    private static final int MAX_BYTES_AFTER_DONE = 64 * 1024;
    /**
     * How long the caller waits after {@code [DONE]} for the body's end (the chunked encoding's last chunk, sent in the
     * same breath by any sound upstream). Only a body read to its end gives its connection back to the pool; one that
     * does not end in time is dropped, and the stream is over for the caller either way.
     */
    static final Duration BODY_END_AFTER_DONE = Duration.ofMillis(200);

    private final OpenAiUpstreamSettings settings;
    private final JsonCodec json;
    private final WebClient client;

    public OpenAiChatUpstreamAdapter(OpenAiUpstreamSettings settings, JsonCodec json) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.json = Objects.requireNonNull(json, "json");
        this.client = WebClient.builder()
                .followRedirects(false)
                .connectTimeout(settings.connectTimeout())
                // A backstop only: the caller's deadlines end every call earlier, by interrupting its reader.
                .readTimeout(settings.totalTimeout().plus(settings.connectTimeout()))
                // Helidon leaves Nagle's algorithm on by default: a small write (a request's last bytes) would then
                // wait
                // for the upstream's ACK of the one before.
                .socketOptions(socket -> socket.tcpNoDelay(true))
                .build();
    }

    @Override
    public Map<String, Object> complete(Upstream upstream, Map<String, Object> body) {
        Map<String, Object> request = requestBody(upstream, body);
        if (Boolean.TRUE.equals(request.get("stream"))) {
            request.put("stream", false);
        }
        Call call = new Call();
        call.start(request, false);
        Map<String, Object> answer = call.await(null);
        return Objects.requireNonNull(answer, "the reader ends a complete call with an answer or a failure");
    }

    @Override
    public void stream(Upstream upstream, Map<String, Object> body, ChunkConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        Map<String, Object> request = requestBody(upstream, body);
        request.put("stream", true);
        Call call = new Call();
        call.start(request, true);
        call.await(consumer);
    }

    private static Map<String, Object> requestBody(Upstream upstream, Map<String, Object> body) {
        Map<String, Object> request = new LinkedHashMap<>(Objects.requireNonNull(body, "body"));
        // The caller chose the model for this agent; whatever the body said is replaced.
        request.put("model", upstream.model());
        return request;
    }

    /** What the reader hands the caller, in order. */
    private sealed interface Signal {
        /** The upstream answered 2xx: from now on the idle limit applies. */
        record Headers() implements Signal {}

        record Chunk(Map<String, Object> chunk) implements Signal {}

        record Answer(Map<String, Object> answer) implements Signal {}

        /** The stream sent {@code [DONE]}: nothing more for the consumer; the reader reads on to the body's end. */
        record Done() implements Signal {}

        /** The stream ended, with {@code [DONE]} or without, and the body was read to its end. */
        record End() implements Signal {}

        record Failed(DomainException failure) implements Signal {}
    }

    /** One upstream call: the reader thread, its queue to the caller, and the caller's deadlines. */
    private final class Call {
        private final BlockingQueue<Signal> signals = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private final long started = System.nanoTime();
        /** When the reader last received bytes. */
        private final AtomicLong lastBytes = new AtomicLong(started);

        private Thread reader;
        /** Set by the caller before it interrupts the reader: what the reader meets then is no news to anyone. */
        private volatile boolean abandoned;

        void start(Map<String, Object> request, boolean streaming) {
            byte[] bytes = json.write(request);
            reader = Thread.ofVirtual().name("masker-upstream-call").start(() -> read(bytes, streaming));
        }

        /** Waits for the reader's signals, handing chunks to the consumer; the answer of a complete call, else null. */
        Map<String, Object> await(ChunkConsumer consumer) {
            long total = started + settings.totalTimeout().toNanos();
            boolean answered = false;
            boolean finished = false;
            long waitingSince = started;
            long bodyEnd = 0;
            boolean done = false;
            try {
                while (true) {
                    long deadline = done
                            ? bodyEnd
                            : answered
                                    ? Math.max(lastBytes.get(), waitingSince)
                                            + settings.idleTimeout().toNanos()
                                    : started + settings.firstByteTimeout().toNanos();
                    long now = System.nanoTime();
                    if (done && now - Math.min(deadline, total) >= 0) {
                        // The stream is complete; its connection is dropped (below) rather than waited for.
                        LOG.log(Level.DEBUG, "upstream stream did not end its body after [DONE]; connection dropped");
                        return null;
                    }
                    if (now - Math.min(deadline, total) >= 0) {
                        throw timedOut(total - now <= 0 ? "total" : answered ? "idle" : "first-byte");
                    }
                    Signal signal = signals.poll(Math.min(deadline, total) - now, TimeUnit.NANOSECONDS);
                    if (signal == null) {
                        continue;
                    }
                    switch (signal) {
                        case Signal.Headers headers -> answered = true;
                        case Signal.Chunk chunk -> consumer.accept(chunk.chunk());
                        case Signal.Done last -> {
                            done = true;
                            bodyEnd = System.nanoTime() + BODY_END_AFTER_DONE.toNanos();
                        }
                        case Signal.Answer answer -> {
                            finished = true;
                            return answer.answer();
                        }
                        case Signal.End end -> {
                            finished = true;
                            return null;
                        }
                        case Signal.Failed failed -> {
                            finished = true;
                            throw failed.failure();
                        }
                    }
                    waitingSince = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DomainException.of(ErrorCode.UPSTREAM_ERROR, "The upstream call was interrupted.");
            } finally {
                if (!finished) {
                    // Closes the reader's socket at once (a timeout, or a consumer that went away).
                    abandoned = true;
                    reader.interrupt();
                }
            }
        }

        private DomainException timedOut(String limit) {
            long millis = elapsedMillis();
            LOG.log(Level.WARNING, "upstream call abandoned: {0} time limit passed after {1} ms", limit, millis);
            return DomainException.of(
                    ErrorCode.UPSTREAM_TIMEOUT, "The upstream did not answer within its " + limit + " time limit.");
        }

        private long elapsedMillis() {
            return Duration.ofNanos(System.nanoTime() - started).toMillis();
        }

        /** The reader: sends the request, reads the answer, and signals the caller. */
        private void read(byte[] request, boolean streaming) {
            HttpClientResponse response = null;
            boolean clean = false;
            try {
                HttpClientRequest post = client.post(
                                settings.chatCompletionsUrl().toString())
                        .header(HeaderValues.CONTENT_TYPE_JSON)
                        .header(HeaderNames.ACCEPT, streaming ? "text/event-stream" : "application/json");
                settings.apiKey().ifPresent(key -> post.header(HeaderNames.AUTHORIZATION, "Bearer " + key));
                response = post.submit(request);
                lastBytes.set(System.nanoTime());
                int status = response.status().code();
                if (response.status().family() != Status.Family.SUCCESSFUL) {
                    LOG.log(Level.WARNING, "upstream answered status {0} after {1} ms", status, elapsedMillis());
                    signal(new Signal.Failed(DomainException.of(
                            ErrorCode.UPSTREAM_ERROR, "The upstream answered with status " + status + ".")));
                    return;
                }
                signal(new Signal.Headers());
                if (streaming) {
                    clean = readEvents(response.inputStream());
                } else {
                    byte[] answer = readAll(response.inputStream());
                    clean = true;
                    signal(new Signal.Answer(object(answer)));
                }
                LOG.log(Level.DEBUG, "upstream answered status {0} in {1} ms", status, elapsedMillis());
            } catch (DomainException e) {
                LOG.log(Level.WARNING, "upstream answer refused ({0}) after {1} ms", e.getMessage(), elapsedMillis());
                signalQuietly(new Signal.Failed(e));
            } catch (InterruptedException e) {
                // The caller gave up and closed the socket with this interrupt; nobody waits for a signal.
                clean = false;
            } catch (RuntimeException | IOException e) {
                // WebClient reports refused connections, resets, TLS failures and timeouts as various exceptions; the
                // log
                // gets their classes and the JDK's own messages, never a message that could quote the answer.
                if (!abandoned) {
                    signalQuietly(new Signal.Failed(failure(e, response != null)));
                }
            } finally {
                close(response, clean);
            }
        }

        /**
         * Closes the response: a clean one gives its connection back for reuse; any other is dropped, with the interrupt
         * flag set so that closing cannot block on a socket the upstream still writes to.
         */
        private static void close(HttpClientResponse response, boolean clean) {
            if (!clean) {
                Thread.currentThread().interrupt();
            }
            if (response == null) {
                return;
            }
            try {
                response.close();
            } catch (RuntimeException e) {
                // The connection is dropped either way.
                LOG.log(Level.TRACE, "closing an abandoned upstream response failed");
            }
        }

        private DomainException failure(Exception e, boolean answered) {
            if (!answered && causedByTimeout(e)) {
                LOG.log(Level.WARNING, "upstream connection timed out after {0} ms", elapsedMillis());
                return DomainException.of(ErrorCode.UPSTREAM_TIMEOUT, "The upstream could not be reached in time.");
            }
            LOG.log(
                    Level.WARNING,
                    "upstream call failed {0} ({1}) after {2} ms",
                    answered ? "mid-answer" : "before answering",
                    FailureCause.describe(e),
                    elapsedMillis());
            return DomainException.of(
                    ErrorCode.UPSTREAM_ERROR,
                    answered ? "The upstream connection broke off." : "The upstream could not be reached.");
        }

        /** Hands the stream's events over; whether its body was read to the end, so its connection can be reused. */
        private boolean readEvents(InputStream in) throws IOException, InterruptedException {
            ServerSentEvents events = new ServerSentEvents(MAX_ANSWER_BYTES);
            byte[] buffer = new byte[READ_BUFFER_BYTES];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                lastBytes.set(System.nanoTime());
                for (String data : events.feed(buffer, read)) {
                    if (DONE.equals(data.strip())) {
                        signal(new Signal.Done());
                        boolean ended = readToTheEnd(in);
                        signal(new Signal.End());
                        return ended;
                    }
                    if (!data.isBlank()) {
                        signal(new Signal.Chunk(object(data.getBytes(StandardCharsets.UTF_8))));
                    }
                }
            }
            signal(new Signal.End());
            return true;
        }

        /**
         * Reads what follows {@code [DONE]} to the end of the body, throwing it away: WebClient gives a connection back to
         * its pool only when the response's entity was read to its end, and drops it otherwise, so a stream left unread
         * after {@code [DONE]} would cost the next turn a new TCP (and TLS) handshake.
         */
        private boolean readToTheEnd(InputStream in) throws IOException {
            byte[] buffer = new byte[READ_BUFFER_BYTES];
            int total = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > MAX_BYTES_AFTER_DONE) {
                    // Not worth reading on for: the connection is dropped.
                    return false;
                }
            }
            return true;
        }

        private byte[] readAll(InputStream in) throws IOException {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[READ_BUFFER_BYTES];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                lastBytes.set(System.nanoTime());
                if (answer.size() + read > MAX_ANSWER_BYTES) {
                    throw DomainException.of(ErrorCode.UPSTREAM_ERROR, "The upstream's answer is over the size limit.");
                }
                answer.write(buffer, 0, read);
            }
            return answer.toByteArray();
        }

        /** The JSON object the bytes hold, refusing anything else and OpenAI's in-band errors. */
        private Map<String, Object> object(byte[] bytes) {
            JsonNode tree;
            try {
                tree = json.readTree(bytes);
            } catch (DomainException notJson) {
                throw DomainException.of(ErrorCode.UPSTREAM_ERROR, "The upstream's answer is not valid JSON.");
            }
            if (!tree.isObject()) {
                throw DomainException.of(ErrorCode.UPSTREAM_ERROR, "The upstream's answer is not a JSON object.");
            }
            if (tree.has("error")) {
                throw DomainException.of(ErrorCode.UPSTREAM_ERROR, "The upstream reported an error.");
            }
            return json.toMap(tree);
        }

        private void signal(Signal signal) throws InterruptedException {
            signals.put(signal);
        }

        private void signalQuietly(Signal signal) {
            try {
                signals.put(signal);
            } catch (InterruptedException e) {
                // The caller is gone; nobody waits for this signal.
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean causedByTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
