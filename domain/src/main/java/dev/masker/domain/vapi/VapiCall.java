package dev.masker.domain.vapi;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code call} object of a Vapi message, reduced to what Masker uses. The customer's number is PHI: it is only
 * forwarded to the agent's own configuration callback and fingerprinted for the audit log.
 */
public record VapiCall(Optional<String> id, Optional<String> assistantId, Optional<String> customerNumber) {
    public VapiCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(assistantId, "assistantId");
        Objects.requireNonNull(customerNumber, "customerNumber");
    }

    @Override
    public String toString() {
        return "VapiCall[id=" + id.orElse("-") + "]";
    }
}
