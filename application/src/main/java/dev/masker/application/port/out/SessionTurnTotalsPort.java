package dev.masker.application.port.out;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.session.SessionId;
import java.time.Instant;
import java.util.Map;

/** Driven port: what the proxy did in one session, summed from its {@code turn_proxied} events in the audit log. */
public interface SessionTurnTotalsPort {
    /**
     * The turns the session proxied and the values they masked, by kind, counting the agent's events at or after
     * {@code since} (the session's start, which bounds the search).
     *
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable}
     */
    TurnTotals totals(AgentId agent, SessionId session, Instant since);

    /** Turns proxied and values masked by kind. */
    record TurnTotals(int turns, Map<PhiKind, Integer> masked) {
        public static final TurnTotals NONE = new TurnTotals(0, Map.of());

        public TurnTotals {
            masked = Map.copyOf(masked);
        }
    }
}
