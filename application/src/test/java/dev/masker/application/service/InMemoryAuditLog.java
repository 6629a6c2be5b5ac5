package dev.masker.application.service;

import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An in-memory audit log honouring dedup keys; it can be switched to refuse every event, as an unreachable store does. */
final class InMemoryAuditLog implements AppendAuditEventPort {
    final List<AuditEvent> events = new ArrayList<>();
    private final Set<String> dedupKeys = new HashSet<>();
    boolean unavailable;
    int attempts;

    @Override
    public AppendOutcome append(AuditEvent event) {
        attempts++;
        if (unavailable) {
            throw DomainException.retryable(ErrorCode.AUDIT_UNAVAILABLE, "The audit log cannot take events now.",
                    java.time.Duration.ofSeconds(1));
        }
        if (event.dedupKey().isPresent() && !dedupKeys.add(event.dedupKey().get())) {
            return new AppendOutcome.AlreadyRecorded();
        }
        events.add(event);
        return new AppendOutcome.Appended(events.size());
    }
}
