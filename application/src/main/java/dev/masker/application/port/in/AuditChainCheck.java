package dev.masker.application.port.in;

import dev.masker.domain.audit.ChainVerification;
import java.time.Instant;
import java.util.Objects;

/** What a check of the audit chain found, and when it was made: a verdict holds only for the log as it was then. */
public record AuditChainCheck(ChainVerification verification, Instant verifiedAt) {
    public AuditChainCheck {
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }
}
