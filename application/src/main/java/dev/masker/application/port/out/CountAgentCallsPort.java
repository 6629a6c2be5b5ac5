package dev.masker.application.port.out;

import dev.masker.domain.agent.AgentId;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/** Driven port: how many calls an agent started, counted from the audit log. */
public interface CountAgentCallsPort {
    /**
     * The number of {@code call_started} events of the agent at or after each instant.
     *
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable}
     */
    CallCounts countCalls(AgentId agent, Instant sinceDay, Instant sinceWeek);

    /** Calls in the last day and the last week. */
    record CallCounts(long lastDay, long lastWeek) {}

    /**
     * The agent's proxied turns, from its {@code turn_proxied} events: sessions and masked values at or after each
     * instant, and the 50th and 95th percentile of the time Masker added to a turn (its whole time less the upstream
     * call's) since {@code sinceDay}.
     *
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable}
     */
    TurnStats turnStats(AgentId agent, Instant sinceDay, Instant sinceWeek);

    /** Sessions and masked values in the last day and week; added latency in milliseconds over the last day. */
    record TurnStats(
            long sessionsLastDay,
            long sessionsLastWeek,
            long redactionsLastDay,
            long redactionsLastWeek,
            OptionalDouble addedMillisP50,
            OptionalDouble addedMillisP95) {
        /** No turns at all. */
        public static final TurnStats NONE = new TurnStats(0, 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty());

        public TurnStats {
            Objects.requireNonNull(addedMillisP50, "addedMillisP50");
            Objects.requireNonNull(addedMillisP95, "addedMillisP95");
        }
    }
}
