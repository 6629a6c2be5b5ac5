package dev.masker.adapters.http.vapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The POSTs Masker makes to a clinic's own endpoints (the configuration callback, the forward target): JSON signed with
 * {@code X-Masker-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}, no redirects followed, each
 * call bounded in total (connect, wait and read together) by running it on a virtual thread and waiting at most its
 * timeout.
 *
 * <p>They go through the JDK's {@link HttpClient}, HTTP/1.1 only (no h2c upgrade is ever offered), because clinics'
 * small servers often answer HTTP/1.0 or end the body by closing the connection, and Helidon WebClient 4.5 reports the
 * end of such a body as an error. Each POST has a client, and so a connection, of its own, closed once the answer is
 * read: the JDK pools a connection after an HTTP/1.0 answer that carried a {@code Content-Length} although the server
 * closes it, and a POST sent on it is not retried, so a call right after another would fail.
 */
final class SignedPosts implements AutoCloseable {
    private final Duration connectTimeout;
    private final Clock clock;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    /** What a clinic's endpoint answered, as far as it was read. */
    sealed interface Answer {
        /** A 2xx whose body fits the limit. */
        record Body(byte[] bytes) implements Answer {}

        /** A 2xx whose body is longer than the limit; only one byte past it was read. */
        record TooLong() implements Answer {}

        /** Any status but a 2xx; the body was not read. */
        record ErrorStatus(int status) implements Answer {}
    }

    SignedPosts(Duration longestTimeout, Clock clock) {
        this.connectTimeout = Objects.requireNonNull(longestTimeout, "longestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The call's result within the timeout; {@code failed} of "timeout" or "unreachable" otherwise. */
    <T> T within(Duration timeout, Callable<T> call, Function<String, T> failed) {
        Future<T> running = calls.submit(call);
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The interrupted call shuts its client down, which closes the connection: nothing is left reading.
            running.cancel(true);
            return failed.apply("timeout");
        } catch (ExecutionException e) {
            // The connect timeout is the longest call's: one that ran out first is this call's timeout too.
            return failed.apply(e.getCause() instanceof HttpTimeoutException ? "timeout" : "unreachable");
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return failed.apply("timeout");
        }
    }

    /** Runs the call on a virtual thread without waiting for it. */
    void inBackground(Runnable call) {
        calls.submit(call);
    }

    /**
     * POSTs the JSON body to the URL, signed with the secret, and reads a 2xx's answer up to {@code maxAnswerBytes},
     * whatever its framing: a length, chunks, or the connection's close.
     */
    Answer post(URI url, String secret, byte[] body, int maxAnswerBytes) throws IOException, InterruptedException {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Masker-Signature", "t=" + timestamp + ",v1=" + sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(calls)
                .build();
        try {
            HttpResponse<InputStream> answer = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = answer.body()) {
                if (answer.statusCode() / 100 != 2) {
                    return new Answer.ErrorStatus(answer.statusCode());
                }
                byte[] bytes = in.readNBytes(maxAnswerBytes + 1);
                return bytes.length > maxAnswerBytes ? new Answer.TooLong() : new Answer.Body(bytes);
            }
        } finally {
            // Closes the connection at once, read to its end or not (a timed-out call is interrupted into here).
            client.shutdownNow();
        }
    }

    /** The v1 signature: lower-case hex HMAC-SHA256 over {@code "<t>.<body>"}. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
