package dev.masker.domain.session.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session with its turns in order and, once the call has ended, what its end-of-call report recorded: from the audit
 * log, counts, kinds, ids and timings only. {@code payloads} holds, by request id, the turns' kept payloads when the
 * policy said {@code log_payloads: true} — PHI, never part of {@link #toString}; empty otherwise.
 */
public record SessionDetail(
        SessionSummary summary,
        List<SessionTurn> turns,
        Optional<CallEnd> callEnd,
        Map<String, Map<String, Object>> payloads) {
    public SessionDetail {
        Objects.requireNonNull(summary, "summary");
        turns = List.copyOf(turns);
        Objects.requireNonNull(callEnd, "callEnd");
        payloads = Map.copyOf(payloads);
    }

    /** A session without kept payloads. */
    public SessionDetail(SessionSummary summary, List<SessionTurn> turns, Optional<CallEnd> callEnd) {
        this(summary, turns, callEnd, Map.of());
    }

    /** The same session with the kept payloads of its turns. */
    public SessionDetail withPayloads(Map<String, Map<String, Object>> kept) {
        return new SessionDetail(summary, turns, callEnd, kept);
    }

    @Override
    public String toString() {
        return "SessionDetail[" + summary + ", turns=" + turns.size() + ", callEnd=" + callEnd + ", payloads="
                + payloads.size() + "]";
    }

    /** What the {@code call_ended} event recorded: when, why (Vapi's identifier) and how long the call lasted. */
    public record CallEnd(Instant at, String endedReason, Optional<Long> durationMs) {
        public CallEnd {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(endedReason, "endedReason");
            Objects.requireNonNull(durationMs, "durationMs");
        }
    }

    /** The policy of the session's last turn that names one. */
    public Optional<SessionTurn> lastWithPolicy() {
        return turns.stream()
                .filter(turn -> turn.policyName().isPresent())
                .max(Comparator.comparingLong(SessionTurn::seq));
    }

    /** The turns whose answers held token-shaped strings that were left alone (another session's or forged). */
    public List<SessionTurn> leakFindings() {
        return turns.stream().filter(turn -> turn.leakFindings() > 0).toList();
    }

    /** The median over the turns of each stage they time; a stage no turn times is left out. */
    public Map<SessionTurn.Stage, Duration> medianStages() {
        Map<SessionTurn.Stage, Duration> medians = new EnumMap<>(SessionTurn.Stage.class);
        for (SessionTurn.Stage stage : SessionTurn.Stage.values()) {
            List<Duration> times = new ArrayList<>();
            turns.forEach(turn -> Optional.ofNullable(turn.stages().get(stage)).ifPresent(times::add));
            if (!times.isEmpty()) {
                times.sort(Comparator.naturalOrder());
                int middle = times.size() / 2;
                medians.put(
                        stage,
                        times.size() % 2 == 1
                                ? times.get(middle)
                                : times.get(middle - 1).plus(times.get(middle)).dividedBy(2));
            }
        }
        return medians;
    }
}
