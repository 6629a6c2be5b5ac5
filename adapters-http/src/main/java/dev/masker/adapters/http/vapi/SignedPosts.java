package dev.masker.adapters.http.vapi;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
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
 */
final class SignedPosts implements AutoCloseable {
    private final WebClient client;
    private final Clock clock;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    SignedPosts(Duration longestTimeout, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = WebClient.builder()
                .followRedirects(false)
                .connectTimeout(longestTimeout)
                .readTimeout(longestTimeout)
                .build();
    }

    /** The call's result within the timeout; {@code failed} of "timeout" or "unreachable" otherwise. */
    <T> T within(Duration timeout, Callable<T> call, Function<String, T> failed) {
        Future<T> running = calls.submit(call);
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return failed.apply("timeout");
        } catch (ExecutionException e) {
            return failed.apply("unreachable");
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

    /** POSTs the JSON body to the URL, signed with the secret; the caller closes the response. */
    HttpClientResponse post(URI url, String secret, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return client.post(url.toString())
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .header(HeaderValues.ACCEPT_JSON)
                .header(HeaderNames.create("X-Masker-Signature"), "t=" + timestamp + ",v1=" + sign(secret, timestamp, body))
                .submit(body);
    }

    /** The answer's body, or null when it is longer than {@code maxBytes}. */
    static byte[] readLimited(HttpClientResponse answer, int maxBytes) {
        try (InputStream in = answer.inputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
