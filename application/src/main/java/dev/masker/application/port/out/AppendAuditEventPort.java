package dev.masker.application.port.out;

import dev.masker.domain.audit.AuditEvent;

/** Driven port: the append-only, tamper-evident audit log. */
public interface AppendAuditEventPort {
    /**
     * Appends the event and returns once it is durable, or reports that an event with the same dedup key is already
     * recorded (then nothing is appended).
     *
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable} when the log cannot take it; the
     *         caller must then not act as if it were recorded
     */
    AppendOutcome append(AuditEvent event);

    /**
     * Queues the event to be appended without waiting until it is durable: for the record of work already done and
     * answered (a proxied turn), whose caller must not wait on the log. An adapter that cannot queue appends at once.
     * A queued event is written before the log closes; one the log then fails to take is reported in the server log.
     *
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable} when the log cannot take it now
     */
    default void appendWithoutWaiting(AuditEvent event) {
        append(event);
    }

    /** What became of an appended event. */
    sealed interface AppendOutcome {
        /** Recorded at this position of the chain. */
        record Appended(long sequence) implements AppendOutcome {}

        /** An event with the same dedup key was recorded before; this one was not appended. */
        record AlreadyRecorded() implements AppendOutcome {}
    }
}
