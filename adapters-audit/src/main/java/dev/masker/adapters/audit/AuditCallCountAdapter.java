package dev.masker.adapters.audit;

import dev.masker.application.port.out.CountAgentCallsPort;
import dev.masker.domain.agent.AgentId;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** Counts an agent's {@code call_started} events in the audit log, for its stats. */
public final class AuditCallCountAdapter implements CountAgentCallsPort {
    private static final String COUNT = """
            SELECT count(*) FILTER (WHERE occurred_at >= ?) AS last_day, count(*) AS last_week
            FROM audit_event
            WHERE agent_id = ? AND type = 'call_started' AND occurred_at >= ?
            """;

    private final DbClient db;

    public AuditCallCountAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public CallCounts countCalls(AgentId agent, Instant sinceDay, Instant sinceWeek) {
        try {
            DbRow row = db.execute().createGet(COUNT)
                    .params(OffsetDateTime.ofInstant(sinceDay, ZoneOffset.UTC), agent.value(),
                            OffsetDateTime.ofInstant(sinceWeek, ZoneOffset.UTC))
                    .execute().orElseThrow();
            return new CallCounts(row.column("last_day").get(Long.class), row.column("last_week").get(Long.class));
        } catch (RuntimeException e) {
            throw ChainedAuditAdapter.unavailable();
        }
    }
}
