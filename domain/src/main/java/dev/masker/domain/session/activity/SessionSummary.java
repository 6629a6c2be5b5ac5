package dev.masker.domain.session.activity;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One session as a list shows it: its call's agent (by id and name, kept after the agent is deleted), when it started
 * and ended (the end-of-call report), how many turns it had and how many failed, the values masked over its turns by
 * kind, and the upstream model of its last turn. Masked counts are summed over turns: a platform re-sends the whole
 * conversation every turn, so a value said once and masked again on each later turn counts once per turn, as in the
 * {@code call_ended} event.
 */
public record SessionSummary(
        SessionId id,
        AgentId agentId,
        String agentName,
        Instant startedAt,
        Optional<Instant> endedAt,
        long turns,
        long failedTurns,
        Map<PhiKind, Long> redactionsByKind,
        Optional<String> upstreamModel) {
    public SessionSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        EnumMap<PhiKind, Long> copy = new EnumMap<>(PhiKind.class);
        copy.putAll(redactionsByKind);
        redactionsByKind = Map.copyOf(copy);
        Objects.requireNonNull(upstreamModel, "upstreamModel");
    }

    public SessionStatus status() {
        return SessionStatus.of(turns, failedTurns);
    }

    public long redactionCount() {
        return redactionsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** From start to end; empty until the call has ended. */
    public Optional<Duration> duration() {
        return endedAt.map(end -> Duration.between(startedAt, end));
    }

    /** Counts per kind from a turn record's {@code masked} text, e.g. {@code NAME:2,PHONE:1}; unknown kinds are skipped. */
    public static Map<PhiKind, Long> countsOf(String masked) {
        Map<PhiKind, Long> counts = new EnumMap<>(PhiKind.class);
        if (masked == null || masked.isBlank()) {
            return counts;
        }
        for (String part : masked.split(",")) {
            int colon = part.indexOf(':');
            if (colon < 1) {
                continue;
            }
            try {
                PhiKind kind = PhiKind.valueOf(part.substring(0, colon).strip());
                counts.merge(kind, Long.parseLong(part.substring(colon + 1).strip()), Long::sum);
            } catch (IllegalArgumentException unknown) {
                // A kind this version does not know, or a count that is not a number: left out.
            }
        }
        return counts;
    }
}
