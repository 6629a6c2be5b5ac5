package dev.masker.testsupport.ports;

import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An in-memory audit log honouring dedup keys; it can be switched to refuse every event, as an unreachable store does. */
public final class InMemoryAuditLog implements AppendAuditEventPort {
    private final List<AuditEvent> events = new ArrayList<>();
    private final Set<String> dedupKeys = new HashSet<>();
    private boolean unavailable;
    private int attempts;

    @Override
    public synchronized AppendOutcome append(AuditEvent event) {
        attempts++;
        if (unavailable) {
            throw DomainException.retryable(
                    ErrorCode.AUDIT_UNAVAILABLE, "The audit log cannot take events now.", Duration.ofSeconds(1));
        }
        if (event.dedupKey().isPresent() && !dedupKeys.add(event.dedupKey().get())) {
            return new AppendOutcome.AlreadyRecorded();
        }
        events.add(event);
        return new AppendOutcome.Appended(events.size());
    }

    /** From now on every append fails with {@code audit_unavailable}, as when the log cannot be reached. */
    public synchronized void makeUnavailable() {
        unavailable = true;
    }

    /** The events appended, in order. */
    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /** How many appends were tried, refused and deduplicated ones too. */
    public synchronized int attempts() {
        return attempts;
    }
}
