package dev.masker.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * The period of an export as the caller wrote it: {@code since} and {@code until}, each an RFC 3339 time (absent: that
 * end of the chain).
 */
public record ExportAuditChainQuery(Optional<String> since, Optional<String> until) {
    public ExportAuditChainQuery {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }
}
