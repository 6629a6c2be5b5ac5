package dev.masker.application.port.in;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.report.ChainProof;
import dev.masker.domain.report.PolicySnapshot;
import dev.masker.domain.report.ReportId;
import dev.masker.domain.report.ReportPeriod;
import dev.masker.domain.report.ReportScope;
import dev.masker.domain.report.SafeHarborCoverage;
import dev.masker.domain.report.ScopeActivity;
import dev.masker.domain.report.SegmentCheck;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A compliance report: which events it covers and what they say (ids, counts, kinds, hashes, timings — never a value),
 * under which policies, and the proof. {@code period} is the requested window of an agent or deployment report, and
 * for a session the span from its first to its last event (empty when that is a single instant).
 */
public record Report(
        ReportId id,
        ReportScope scope,
        Optional<ReportPeriod> period,
        Instant generatedAt,
        ScopeActivity activity,
        ChainProof proof,
        SegmentCheck check,
        List<AgentPolicy> policies) {
    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(check, "check");
        policies = List.copyOf(policies);
    }

    /**
     * The policy an agent of the report masks under now (the audit log does not record a policy per turn, so this is
     * the policy at the time of the report), with its Safe Harbor coverage; empty for a deleted agent, whose policy is
     * no longer stored.
     */
    public record AgentPolicy(
            AgentId agent, boolean custom, Optional<PolicySnapshot> snapshot, List<SafeHarborCoverage> coverage) {
        public AgentPolicy {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(snapshot, "snapshot");
            coverage = List.copyOf(coverage);
        }
    }
}
