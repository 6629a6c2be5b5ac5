package dev.masker.domain.report;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.session.SessionId;
import java.util.Objects;

/** Which audit events a report covers. */
public sealed interface ReportScope {
    /**
     * One session (one call): its {@code turn_proxied} events, its {@code call_ended} and the {@code call_started} of
     * the same call, whenever they occurred.
     */
    record Session(SessionId session) implements ReportScope {
        public Session {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Every event of one agent in the period. */
    record Agent(AgentId agent, ReportPeriod period) implements ReportScope {
        public Agent {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(period, "period");
        }
    }

    /** Every event of the deployment in the period, agents' and others' (sign-ins, for instance). */
    record Deployment(ReportPeriod period) implements ReportScope {
        public Deployment {
            Objects.requireNonNull(period, "period");
        }
    }
}
