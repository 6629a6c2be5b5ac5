package dev.masker.domain.vapi;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook delivery as it arrived: the exact body bytes and its headers, any of which may carry the proof that Vapi sent
 * it ({@code X-Vapi-Signature}, {@code X-Signature} with {@code X-Timestamp}, {@code Authorization}, or a header an
 * agent's credential names). Header names are kept lower-case; a header sent twice keeps its first value.
 */
public record SignedWebhook(byte[] body, Map<String, String> headers) {
    public SignedWebhook {
        Objects.requireNonNull(body, "body");
        Map<String, String> lowerCase = new HashMap<>();
        headers.forEach(
                (name, value) -> lowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value)));
        headers = Map.copyOf(lowerCase);
    }

    /** The header's value, by name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        // Header values may be secrets; the body may be PHI.
        return "SignedWebhook[" + body.length + " bytes]";
    }
}
