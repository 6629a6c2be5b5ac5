package dev.masker.adapters.audit;

import dev.masker.application.port.out.CountAgentCallsPort;
import dev.masker.application.port.out.SessionTurnTotalsPort;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.session.SessionId;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Reads stats from the audit log: an agent's {@code call_started} and {@code turn_proxied} events, and the turns of one
 * session.
 */
public final class AuditCallCountAdapter implements CountAgentCallsPort, SessionTurnTotalsPort {
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

    // One session's turns: its agent's turn_proxied events since the session started (the index bounds the search).
    private static final String SESSION_TURNS = """
            SELECT CAST(body AS jsonb) -> 'data' ->> 'masked' AS masked FROM audit_event
            WHERE agent_id = ? AND type = 'turn_proxied' AND occurred_at >= ?
              AND CAST(body AS jsonb) -> 'data' ->> 'session_id' = ?
            """;

    private final DbClient db;

    public AuditCallCountAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public CallCounts countCalls(AgentId agent, Instant sinceDay, Instant sinceWeek) {
        try {
            DbRow row = db.execute()
                    .createGet(COUNT)
                    .params(
                            OffsetDateTime.ofInstant(sinceDay, ZoneOffset.UTC),
                            agent.value(),
                            OffsetDateTime.ofInstant(sinceWeek, ZoneOffset.UTC))
                    .execute()
                    .orElseThrow();
            return new CallCounts(
                    row.column("last_day").get(Long.class),
                    row.column("last_week").get(Long.class));
        } catch (RuntimeException e) {
            throw ChainedAuditAdapter.unavailable();
        }
    }

    @Override
    public TurnStats turnStats(AgentId agent, Instant sinceDay, Instant sinceWeek) {
        OffsetDateTime day = OffsetDateTime.ofInstant(sinceDay, ZoneOffset.UTC);
        try {
            DbRow row = db.execute()
                    .createGet(TURNS)
                    .params(day, day, day, day, agent.value(), OffsetDateTime.ofInstant(sinceWeek, ZoneOffset.UTC))
                    .execute()
                    .orElseThrow();
            return new TurnStats(
                    number(row, "sessions_day"),
                    number(row, "sessions_week"),
                    number(row, "masked_day"),
                    number(row, "masked_week"),
                    millis(row, "added_p50_us"),
                    millis(row, "added_p95_us"));
        } catch (RuntimeException e) {
            throw ChainedAuditAdapter.unavailable();
        }
    }

    private static long number(DbRow row, String column) {
        return ((Number) row.column(column).get()).longValue();
    }

    private static OptionalDouble millis(DbRow row, String column) {
        // Null (no turns in the window) reads as an empty value.
        return row.column(column)
                .asOptional()
                .map(micros -> OptionalDouble.of(((Number) micros).doubleValue() / 1_000.0))
                .orElse(OptionalDouble.empty());
    }

    @Override
    public TurnTotals totals(AgentId agent, SessionId session, Instant since) {
        int turns = 0;
        Map<PhiKind, Integer> masked = new EnumMap<>(PhiKind.class);
        try {
            List<DbRow> rows = db.execute()
                    .createQuery(SESSION_TURNS)
                    .params(agent.value(), OffsetDateTime.ofInstant(since, ZoneOffset.UTC), session.value())
                    .execute()
                    .toList();
            for (DbRow row : rows) {
                turns++;
                addCounts(row.column("masked").asOptional().map(String::valueOf).orElse(""), masked);
            }
        } catch (RuntimeException e) {
            throw ChainedAuditAdapter.unavailable();
        }
        return new TurnTotals(turns, masked);
    }

    /** Adds the counts of a {@code turn_proxied} event's {@code masked} field ("NAME:2,PHONE:1") to {@code into}. */
    private static void addCounts(String counts, Map<PhiKind, Integer> into) {
        for (String entry : counts.split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                into.merge(
                        PhiKind.valueOf(entry.substring(0, colon)),
                        Integer.parseInt(entry.substring(colon + 1)),
                        Integer::sum);
            }
        }
    }
}
