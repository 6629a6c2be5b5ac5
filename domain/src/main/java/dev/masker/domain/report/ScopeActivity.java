package dev.masker.domain.report;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.phi.PhiKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the audit events of a report's scope say, summed: ids, counts, kinds and timings only, never a value. Leak
 * turns are listed up to a limit; {@code leakFindings} counts them all. {@code policiesRecorded} counts the turns by the
 * policy they were masked under, as {@code name:version} ({@code :} for turns recorded before turns named it).
 */
public record ScopeActivity(
        long events,
        Optional<Instant> firstAt,
        Optional<Instant> lastAt,
        long turns,
        long sessions,
        long callsStarted,
        long callsEnded,
        long maskedTotal,
        Map<PhiKind, Long> masked,
        long leakFindings,
        long leakTurnCount,
        List<LeakTurn> leakTurns,
        Map<String, Long> outcomes,
        List<StageLatency> latencies,
        List<TimeBucket> timeline,
        List<AgentId> agents,
        Map<String, Long> policiesRecorded) {
    public ScopeActivity {
        Objects.requireNonNull(firstAt, "firstAt");
        Objects.requireNonNull(lastAt, "lastAt");
        masked = Map.copyOf(masked);
        leakTurns = List.copyOf(leakTurns);
        outcomes = Map.copyOf(outcomes);
        latencies = List.copyOf(latencies);
        timeline = List.copyOf(timeline);
        agents = List.copyOf(agents);
        policiesRecorded = Map.copyOf(policiesRecorded);
    }

    /** The policies the turns recorded, as name and version (empty when a turn recorded none), with their turns. */
    public List<RecordedPolicy> recordedPolicies() {
        return policiesRecorded.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> {
                    String[] parts = entry.getKey().split(":", 2);
                    Optional<String> name = parts[0].isEmpty() ? Optional.empty() : Optional.of(parts[0]);
                    Optional<Integer> version;
                    try {
                        version = parts.length < 2 || parts[1].isEmpty()
                                ? Optional.empty()
                                : Optional.of(Integer.valueOf(parts[1]));
                    } catch (NumberFormatException notANumber) {
                        version = Optional.empty();
                    }
                    return new RecordedPolicy(name, version, entry.getValue());
                })
                .toList();
    }

    /** A policy the scope's turns were masked under, and on how many of them. */
    public record RecordedPolicy(Optional<String> name, Optional<Integer> version, long turns) {}

    /** One turn whose answer held token-shaped text left alone: its place in the log, its request and session. */
    public record LeakTurn(long sequence, String requestId, String sessionId, long findings) {
        public LeakTurn {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /** One stage of the proxy's work on a turn: over how many turns it was measured, and its p50 and p95 in ms. */
    public record StageLatency(String stage, long turns, double p50Millis, double p95Millis) {
        public StageLatency {
            Objects.requireNonNull(stage, "stage");
        }
    }

    /** Turns and masked values in one hour or day of the period (UTC), starting at {@code start}. */
    public record TimeBucket(Instant start, long turns, long masked) {
        public TimeBucket {
            Objects.requireNonNull(start, "start");
        }
    }
}
