package dev.masker.application.port.out;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.report.ChainProof;
import dev.masker.domain.report.ReportScope;
import dev.masker.domain.report.ScopeActivity;
import dev.masker.domain.report.SegmentCheck;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** Driven port: the audit events of a report's scope, summed, proven and checked, read in one consistent snapshot. */
public interface ReadAuditScopePort {
    /**
     * The scope's activity (its timeline in buckets of {@code bucket}, hours or days), the proof of which events it
     * covers, and the check of the chain segment they lie in; empty for a session scope without any event.
     *
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable} when the log cannot be read
     */
    Optional<ScopeReading> read(ReportScope scope, ChronoUnit bucket);

    /**
     * Whether the log holds any event of the agent: a deleted agent's events are kept, so its reports still work.
     *
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable} when the log cannot be read
     */
    boolean hasEvents(AgentId agent);

    /** What one read of a scope found. */
    record ScopeReading(ScopeActivity activity, ChainProof proof, SegmentCheck check) {
        public ScopeReading {
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(check, "check");
        }
    }
}
