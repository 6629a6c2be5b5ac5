package dev.masker.domain.agent;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        // The fields come from a request body: each problem is named as the API names it (422 validation_failed).
        List<FieldProblem> problems = endpointProblems("config_callback", url, secret);
        String timeoutProblem = timeoutProblem(timeout.toMillis());
        if (timeoutProblem != null) {
            problems.add(new FieldProblem("config_callback.timeout_ms", timeoutProblem));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    /** The problems of a signed endpoint's URL and secret, named {@code <field>.url} and {@code <field>.secret}. */
    static List<FieldProblem> endpointProblems(String field, URI url, String secret) {
        List<FieldProblem> problems = new ArrayList<>();
        String urlProblem = urlProblem(url);
        if (urlProblem != null) {
            problems.add(new FieldProblem(field + ".url", urlProblem));
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            problems.add(new FieldProblem(field + ".secret", "must be at least " + MIN_SECRET_LENGTH + " characters"));
        }
        return problems;
    }

    /** Why the URL cannot be a callback, or {@code null} when it can. */
    public static String urlProblem(URI url) {
        if (!url.isAbsolute()
                || url.getHost() == null
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
