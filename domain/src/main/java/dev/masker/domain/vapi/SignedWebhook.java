package dev.masker.domain.vapi;

import java.util.Objects;
import java.util.Optional;

/**
 * A webhook delivery as it arrived: the exact body bytes and the headers that may sign them
 * ({@code X-Vapi-Signature}, {@code X-Signature} + {@code X-Timestamp}, {@code X-Vapi-Secret}).
 */
public record SignedWebhook(byte[] body, Optional<String> vapiSignature, Optional<String> signature,
                            Optional<String> timestamp, Optional<String> vapiSecret) {
    public SignedWebhook {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(vapiSignature, "vapiSignature");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(vapiSecret, "vapiSecret");
    }

    @Override
    public String toString() {
        return "SignedWebhook[" + body.length + " bytes]";
    }
}
