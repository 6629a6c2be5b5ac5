package dev.masker.adapters.http.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to call an OpenAI-compatible upstream: its base URL (e.g. {@code https://api.openai.com/v1}, requests go
 * to {@code {base}/chat/completions}), the API key sent as {@code Authorization: Bearer} when there is one, and four time
 * limits: connecting, the response headers after the call starts (first byte), silence between two reads of the body
 * (idle), and the whole call (total).
 */
public record OpenAiUpstreamSettings(
        URI baseUrl,
        Optional<String> apiKey,
        Duration connectTimeout,
        Duration firstByteTimeout,
        Duration idleTimeout,
        Duration totalTimeout) {

    public OpenAiUpstreamSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        if (!baseUrl.isAbsolute()
                || baseUrl.getHost() == null
                || baseUrl.getQuery() != null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("the base URL must be an absolute http(s) URL without a query");
        }
        apiKey = apiKey.map(String::strip).filter(key -> !key.isEmpty());
        positive(connectTimeout, "connectTimeout");
        positive(firstByteTimeout, "firstByteTimeout");
        positive(idleTimeout, "idleTimeout");
        positive(totalTimeout, "totalTimeout");
    }

    /** The chat-completions endpoint under the base URL. */
    public URI chatCompletionsUrl() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    private static void positive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    @Override
    public String toString() {
        // The API key never reaches a log line.
        return "OpenAiUpstreamSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isPresent() ? "set" : "none")
                + ", connectTimeout=" + connectTimeout + ", firstByteTimeout=" + firstByteTimeout + ", idleTimeout="
                + idleTimeout + ", totalTimeout=" + totalTimeout + "]";
    }
}
