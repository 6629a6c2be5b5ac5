package dev.masker.domain.agent;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The operator's endpoint that Masker asks for per-call assistant overrides, with the secret that signs the
 * request and the time Masker waits for the answer (at most 4 s: Vapi gives up after about 5 s).
 */
public record ConfigCallback(URI url, String secret, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1500);
    public static final Duration MAX_TIMEOUT = Duration.ofMillis(4000);
    public static final int MIN_SECRET_LENGTH = 16;

    public ConfigCallback {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timeout, "timeout");
        if (urlProblem(url) != null || secret.length() < MIN_SECRET_LENGTH || timeoutProblem(timeout.toMillis()) != null) {
            throw new IllegalArgumentException("invalid configuration callback");
        }
    }

    /** Why the URL cannot be a callback, or {@code null} when it can. */
    public static String urlProblem(URI url) {
        if (!url.isAbsolute() || url.getHost() == null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            return "must be an absolute http or https URL";
        }
        if (url.getUserInfo() != null) {
            return "must not carry credentials";
        }
        return null;
    }

    /** Why the timeout cannot be used, or {@code null} when it can. */
    public static String timeoutProblem(long millis) {
        return millis < 1 || millis > MAX_TIMEOUT.toMillis() ? "must be between 1 and " + MAX_TIMEOUT.toMillis() : null;
    }

    @Override
    public String toString() {
        // The secret never appears in a log line.
        return "ConfigCallback[url=" + url + ", timeout=" + timeout + "]";
    }
}
