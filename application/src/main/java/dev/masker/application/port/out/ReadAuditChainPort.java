package dev.masker.application.port.out;

import dev.masker.domain.audit.ChainLink;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Driven port: reads the stored hash chain in order, for an export that anyone can verify offline. */
public interface ReadAuditChainPort {
    /**
     * Gives the sink, in chain order and from one consistent snapshot, every stored event from the first that occurred at
     * or after {@code since} to the last that occurred before {@code until}, and every event between those two: a run
     * without gaps, which verifies even where events' times are not in chain order. Events are read a page at a time,
     * never all held at once.
     *
     * @return how many events the sink was given
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable} when the log cannot be read; what
     *         the sink throws is passed on unchanged
     */
    long read(Period period, Consumer<ChainLink> sink);

    /** The times an export covers; an absent bound leaves that end of the chain open. */
    record Period(Optional<Instant> since, Optional<Instant> until) {
        public Period {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(until, "until");
        }
    }
}
