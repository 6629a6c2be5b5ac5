package dev.masker.adapters.audit;

import dev.masker.application.port.out.CountAgentCallsPort;
import dev.masker.domain.agent.AgentId;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.OptionalDouble;

/** Reads an agent's stats from the audit log: its {@code call_started} and {@code turn_proxied} events. */
public final class AuditCallCountAdapter implements CountAgentCallsPort {
    private static final String COUNT = """
            SELECT count(*) FILTER (WHERE occurred_at >= ?) AS last_day, count(*) AS last_week
            FROM audit_event
            WHERE agent_id = ? AND type = 'call_started' AND occurred_at >= ?
            """;

    // Added latency: a turn's whole time less its upstream call's; percentiles over the last day only.
    private static final String TURNS = """
            SELECT count(DISTINCT d ->> 'session_id') FILTER (WHERE occurred_at >= ?) AS sessions_day,
                   count(DISTINCT d ->> 'session_id') AS sessions_week,
                   coalesce(sum(CAST(d ->> 'masked_total' AS bigint)) FILTER (WHERE occurred_at >= ?), 0) AS masked_day,
                   coalesce(sum(CAST(d ->> 'masked_total' AS bigint)), 0) AS masked_week,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(d ->> 'total_us' AS bigint)
                       - CAST(d ->> 'upstream_us' AS bigint)) FILTER (WHERE occurred_at >= ?) AS added_p50_us,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY CAST(d ->> 'total_us' AS bigint)
                       - CAST(d ->> 'upstream_us' AS bigint)) FILTER (WHERE occurred_at >= ?) AS added_p95_us
            FROM (SELECT occurred_at, CAST(body AS jsonb) -> 'data' AS d FROM audit_event
                  WHERE agent_id = ? AND type = 'turn_proxied' AND occurred_at >= ?) AS turns
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

    @Override
    public TurnStats turnStats(AgentId agent, Instant sinceDay, Instant sinceWeek) {
        OffsetDateTime day = OffsetDateTime.ofInstant(sinceDay, ZoneOffset.UTC);
        try {
            DbRow row = db.execute().createGet(TURNS)
                    .params(day, day, day, day, agent.value(), OffsetDateTime.ofInstant(sinceWeek, ZoneOffset.UTC))
                    .execute().orElseThrow();
            return new TurnStats(number(row, "sessions_day"), number(row, "sessions_week"), number(row, "masked_day"),
                    number(row, "masked_week"), millis(row, "added_p50_us"), millis(row, "added_p95_us"));
        } catch (RuntimeException e) {
            throw ChainedAuditAdapter.unavailable();
        }
    }

    private static long number(DbRow row, String column) {
        return ((Number) row.column(column).get()).longValue();
    }

    private static OptionalDouble millis(DbRow row, String column) {
        // Null (no turns in the window) reads as an empty value.
        return row.column(column).asOptional().map(micros -> OptionalDouble.of(((Number) micros).doubleValue() / 1_000.0))
                .orElse(OptionalDouble.empty());
    }
}
