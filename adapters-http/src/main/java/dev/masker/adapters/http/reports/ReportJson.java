package dev.masker.adapters.http.reports;

import dev.masker.application.port.in.Report;
import dev.masker.application.port.in.Report.AgentPolicy;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.report.ChainProof;
import dev.masker.domain.report.PolicySnapshot;
import dev.masker.domain.report.ReportPeriod;
import dev.masker.domain.report.ReportScope;
import dev.masker.domain.report.SafeHarborCoverage;
import dev.masker.domain.report.ScopeActivity;
import dev.masker.domain.report.SegmentCheck;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as the API writes it (snake_case, fields in reading order). Only ids, counts, kinds, hashes and timings:
 * nothing a report holds can be PHI. Agents sharing one effective policy are listed under it once.
 */
final class ReportJson {
    /** The Merkle tree's name in the report; docs/AUDIT.md describes it. */
    static final String MERKLE_ALGORITHM = "rfc6962-sha256";

    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ReportJson() {}

    static Map<String, Object> of(Report report) {
        ScopeActivity activity = report.activity();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", report.id().value());
        body.put("scope", scope(report.scope()));
        body.put(
                "period",
                report.period()
                        .map(period -> period(period.since(), period.until()))
                        .orElseGet(() -> activity.firstAt()
                                .map(first -> period(first, activity.lastAt().orElse(first)))
                                .orElse(null)));
        body.put("generated_at", timestamp(report.generatedAt()));
        body.put("agent_ids", activity.agents().stream().map(AgentId::value).toList());
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("events", activity.events());
        totals.put("turns", activity.turns());
        totals.put("sessions", activity.sessions());
        totals.put("calls_started", activity.callsStarted());
        totals.put("calls_ended", activity.callsEnded());
        totals.put("masked", activity.maskedTotal());
        totals.put("leak_findings", activity.leakFindings());
        body.put("totals", totals);
        body.put("masked_by_kind", maskedByKind(activity));
        body.put("turn_outcomes", activity.outcomes());
        body.put("leak_findings", leaks(activity));
        body.put("latency_ms", latency(activity));
        if (!(report.scope() instanceof ReportScope.Session)) {
            body.put("timeline", timeline(report));
        }
        body.put("policies", policies(report.policies()));
        // The policy each turn recorded it was masked under (null for turns recorded before turns named it): shows a
        // policy that changed within the period, where `policies` shows the agents' policies as they are now.
        body.put(
                "policies_recorded",
                report.activity().recordedPolicies().stream()
                        .map(recorded -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("name", recorded.name().orElse(null));
                            entry.put("version", recorded.version().orElse(null));
                            entry.put("turns", recorded.turns());
                            return entry;
                        })
                        .toList());
        body.put(
                "agents_without_policy",
                report.policies().stream()
                        .filter(policy -> policy.snapshot().isEmpty())
                        .map(policy -> policy.agent().value())
                        .toList());
        body.put("chain", chain(report.proof(), report.check()));
        return body;
    }

    /** The masked counts of every kind that occurred, in the kinds' order. */
    static Map<String, Long> maskedByKind(ScopeActivity activity) {
        Map<String, Long> masked = new LinkedHashMap<>();
        for (PhiKind kind : PhiKind.values()) {
            Long count = activity.masked().get(kind);
            if (count != null && count > 0) {
                masked.put(kind.name(), count);
            }
        }
        return masked;
    }

    private static Map<String, Object> scope(ReportScope scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (scope) {
            case ReportScope.Session session -> {
                body.put("type", "session");
                body.put("session_id", session.session().value());
            }
            case ReportScope.Agent agent -> {
                body.put("type", "agent");
                body.put("agent_id", agent.agent().value());
            }
            case ReportScope.Deployment ignored -> body.put("type", "deployment");
        }
        return body;
    }

    private static Map<String, Object> period(Instant since, Instant until) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("since", timestamp(since));
        body.put("until", timestamp(until));
        return body;
    }

    private static Map<String, Object> leaks(ScopeActivity activity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", activity.leakFindings());
        body.put("turns", activity.leakTurnCount());
        List<Map<String, Object>> listed = new ArrayList<>();
        for (ScopeActivity.LeakTurn turn : activity.leakTurns()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seq", turn.sequence());
            entry.put("request_id", turn.requestId());
            entry.put("session_id", turn.sessionId());
            entry.put("findings", turn.findings());
            listed.add(entry);
        }
        body.put("listed", listed);
        body.put("truncated", activity.leakTurnCount() > activity.leakTurns().size());
        return body;
    }

    private static Map<String, Object> latency(ScopeActivity activity) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (ScopeActivity.StageLatency stage : activity.latencies()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("turns", stage.turns());
            values.put("p50", round(stage.p50Millis()));
            values.put("p95", round(stage.p95Millis()));
            body.put(stage.stage(), values);
        }
        return body;
    }

    private static Map<String, Object> timeline(Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "bucket",
                report.period().map(ReportPeriod::timelineBucket).orElse(ChronoUnit.HOURS) == ChronoUnit.DAYS
                        ? "day"
                        : "hour");
        body.put(
                "buckets",
                report.activity().timeline().stream()
                        .map(bucket -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("start", timestamp(bucket.start()));
                            entry.put("turns", bucket.turns());
                            entry.put("masked", bucket.masked());
                            return entry;
                        })
                        .toList());
        return body;
    }

    private static List<Map<String, Object>> policies(List<AgentPolicy> policies) {
        Map<PolicySnapshot, List<AgentPolicy>> grouped = new LinkedHashMap<>();
        for (AgentPolicy policy : policies) {
            policy.snapshot()
                    .ifPresent(snapshot -> grouped.computeIfAbsent(snapshot, key -> new ArrayList<>())
                            .add(policy));
        }
        List<Map<String, Object>> body = new ArrayList<>();
        grouped.forEach((snapshot, agents) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", snapshot.name());
            entry.put("version", snapshot.version());
            entry.put("custom", agents.getFirst().custom());
            entry.put(
                    "agent_ids",
                    agents.stream().map(agent -> agent.agent().value()).toList());
            entry.put("yaml", snapshot.yaml());
            entry.put(
                    "safe_harbor",
                    agents.getFirst().coverage().stream()
                            .map(ReportJson::coverage)
                            .toList());
            body.add(entry);
        });
        return body;
    }

    private static Map<String, Object> coverage(SafeHarborCoverage coverage) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("number", coverage.identifier().number());
        entry.put("identifier", coverage.identifier().title());
        entry.put("status", coverage.status().wireName());
        Map<String, String> kinds = new LinkedHashMap<>();
        for (PhiKind kind : PhiKind.values()) {
            if (coverage.actions().containsKey(kind)) {
                kinds.put(kind.name(), coverage.actions().get(kind).wireName());
            }
        }
        entry.put("kinds", kinds);
        return entry;
    }

    private static Map<String, Object> chain(ChainProof proof, SegmentCheck check) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", proof.events());
        body.put("first", proof.first().map(ReportJson::end).orElse(null));
        body.put("last", proof.last().map(ReportJson::end).orElse(null));
        body.put("merkle_root", proof.merkleRoot().orElse(null));
        body.put("merkle_algorithm", MERKLE_ALGORITHM);
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("from_seq", check.fromSequence());
        segment.put("to_seq", check.toSequence());
        segment.put("events_checked", check.eventsChecked());
        segment.put("intact", check.intact());
        segment.put(
                "first_break_seq",
                check.firstBreak().isPresent() ? check.firstBreak().getAsLong() : null);
        body.put("segment_check", segment);
        body.put("verdict", proof.events() == 0 ? "no_events" : check.intact() ? "intact" : "broken");
        return body;
    }

    private static Map<String, Object> end(ChainProof.End end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seq", end.sequence());
        body.put("hash", end.hash());
        return body;
    }

    static double round(double millis) {
        return Math.round(millis * 1_000.0) / 1_000.0;
    }

    static String timestamp(Instant instant) {
        return RFC_3339_MILLIS.format(instant);
    }
}
