package dev.masker.domain.vapi;

import java.util.Objects;
import java.util.Optional;

/**
 * A webhook delivery as it arrived: the exact body bytes and the headers that may sign them
 * ({@code X-Vapi-Signature}, {@code X-Signature} + {@code X-Timestamp}, {@code X-Vapi-Secret}, and {@code Authorization},
 * where Vapi's Bearer Token credential puts its token).
 */
public record SignedWebhook(byte[] body, Optional<String> vapiSignature, Optional<String> signature,
                            Optional<String> timestamp, Optional<String> vapiSecret, Optional<String> authorization) {
    public SignedWebhook {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(vapiSignature, "vapiSignature");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(vapiSecret, "vapiSecret");
        Objects.requireNonNull(authorization, "authorization");
    }

    /** A delivery without an {@code Authorization} header. */
    public SignedWebhook(byte[] body, Optional<String> vapiSignature, Optional<String> signature,
                         Optional<String> timestamp, Optional<String> vapiSecret) {
        this(body, vapiSignature, signature, timestamp, vapiSecret, Optional.empty());
    }

    @Override
    public String toString() {
        return "SignedWebhook[" + body.length + " bytes]";
    }
}
