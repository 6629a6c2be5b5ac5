package dev.masker.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.masker.application.port.out.ReadSessionsPort;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.session.activity.SessionDetail;
import dev.masker.domain.session.activity.SessionSummary;
import dev.masker.domain.session.activity.SessionTurn;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sessions read model in PostgreSQL: one row of {@code proxy_session} per session (its agent's name from
 * {@code agent}, deleted agents included), with what the audit log's {@code turn_proxied} events of the session say
 * about its turns and its {@code call_ended} event about its end. The audit log is the record; nothing here is stored
 * twice. The events are found through the index on the session id in their data (audit migration V4).
 */
public final class JdbcSessionsAdapter implements ReadSessionsPort {
    // The session's turns, summed; the model of its last turn.
    private static final String SUMMARY = """
            SELECT s.id, s.agent_id, a.name AS agent_name, s.started_at, s.ended_at,
                   t.turns, t.failed, t.masked, t.masked_total, t.model
            FROM proxy_session s
            JOIN agent a ON a.id = s.agent_id
            CROSS JOIN LATERAL (
                SELECT count(*) AS turns,
                       count(*) FILTER (WHERE d ->> 'outcome' NOT IN ('ok', 'client_gone')) AS failed,
                       coalesce(string_agg(d ->> 'masked', ','), '') AS masked,
                       coalesce(sum(CAST(d ->> 'masked_total' AS bigint)), 0) AS masked_total,
                       (array_agg(d ->> 'model' ORDER BY e.seq DESC))[1] AS model
                FROM audit_event e CROSS JOIN LATERAL (SELECT CAST(e.body AS jsonb) -> 'data' AS d) AS event
                WHERE e.type = 'turn_proxied' AND CAST(e.body AS jsonb) -> 'data' ->> 'session_id' = s.id
            ) AS t
            """;
    private static final String TURNS = """
            SELECT seq, occurred_at, CAST(CAST(body AS jsonb) -> 'data' AS text) AS data FROM audit_event
            WHERE type = 'turn_proxied' AND CAST(body AS jsonb) -> 'data' ->> 'session_id' = ?
            ORDER BY seq
            """;
    private static final String CALL_END = """
            SELECT occurred_at, CAST(CAST(body AS jsonb) -> 'data' AS text) AS data FROM audit_event
            WHERE type = 'call_ended' AND CAST(body AS jsonb) -> 'data' ->> 'session_id' = ?
            ORDER BY seq LIMIT 1
            """;
    private static final String AGENT_KNOWN = "SELECT 1 AS known FROM agent WHERE id = ?";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> EVENT_DATA = new TypeReference<>() {};

    private final DbClient db;

    public JdbcSessionsAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<SessionSummary> list(Listing listing) {
        StringBuilder sql = new StringBuilder(SUMMARY).append("WHERE s.started_at >= ?");
        List<Object> params = new ArrayList<>();
        params.add(OffsetDateTime.ofInstant(listing.since(), ZoneOffset.UTC));
        listing.agent().ifPresent(agent -> {
            sql.append(" AND s.agent_id = ?");
            params.add(agent.value());
        });
        listing.after().ifPresent(after -> {
            sql.append(" AND (s.started_at, s.id) < (?, ?)");
            params.add(OffsetDateTime.ofInstant(after.startedAt(), ZoneOffset.UTC));
            params.add(after.id().value());
        });
        listing.status()
                .ifPresent(status -> sql.append(
                        switch (status) {
                            case OK -> " AND t.failed = 0";
                            case ERROR -> " AND t.failed > 0 AND t.failed = t.turns";
                            case PARTIAL -> " AND t.failed > 0 AND t.failed < t.turns";
                        }));
        if (listing.minRedactions() > 0) {
            sql.append(" AND t.masked_total >= ?");
            params.add(listing.minRedactions());
        }
        sql.append(" ORDER BY s.started_at DESC, s.id DESC LIMIT ?");
        params.add(listing.limit());
        try {
            return db.execute()
                    .createQuery(sql.toString())
                    .params(params)
                    .execute()
                    .map(JdbcSessionsAdapter::summary)
                    .toList();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<SessionDetail> find(SessionId id) {
        try {
            Optional<SessionSummary> summary = db.execute()
                    .createGet(SUMMARY + "WHERE s.id = ?")
                    .params(id.value())
                    .execute()
                    .map(JdbcSessionsAdapter::summary);
            if (summary.isEmpty()) {
                return Optional.empty();
            }
            List<SessionTurn> turns = db.execute()
                    .createQuery(TURNS)
                    .params(id.value())
                    .execute()
                    .map(row ->
                            SessionTurn.of(row.column("seq").get(Long.class), instant(row, "occurred_at"), data(row)))
                    .toList();
            Optional<SessionDetail.CallEnd> end = db.execute()
                    .createGet(CALL_END)
                    .params(id.value())
                    .execute()
                    .map(row -> callEnd(instant(row, "occurred_at"), data(row)));
            return Optional.of(new SessionDetail(summary.get(), turns, end));
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean agentKnown(AgentId agent) {
        try {
            return db.execute()
                    .createGet(AGENT_KNOWN)
                    .params(agent.value())
                    .execute()
                    .isPresent();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private static SessionSummary summary(DbRow row) {
        SessionId id = SessionId.parse(row.column("id").get(String.class))
                .orElseThrow(() -> new IllegalStateException("a stored session id is malformed"));
        AgentId agent = AgentId.parse(row.column("agent_id").get(String.class))
                .orElseThrow(() -> new IllegalStateException("a stored agent id is malformed"));
        Map<PhiKind, Long> masked = SessionSummary.countsOf(row.column("masked").get(String.class));
        return new SessionSummary(
                id,
                agent,
                row.column("agent_name").get(String.class),
                instant(row, "started_at"),
                row.column("ended_at").asOptional().flatMap(SqlTimes::instant),
                row.column("turns").get(Long.class),
                row.column("failed").get(Long.class),
                masked,
                row.column("model").asOptional().map(String::valueOf));
    }

    private static SessionDetail.CallEnd callEnd(Instant at, Map<String, String> data) {
        Optional<Long> duration;
        try {
            duration = Optional.ofNullable(data.get("duration_ms")).map(Long::parseLong);
        } catch (NumberFormatException notANumber) {
            duration = Optional.empty();
        }
        return new SessionDetail.CallEnd(at, data.getOrDefault("ended_reason", "unknown"), duration);
    }

    private static Instant instant(DbRow row, String column) {
        return SqlTimes.instant(row.column(column).get())
                .orElseThrow(() -> new IllegalStateException("a stored time is unreadable: " + column));
    }

    /** An event's data: a JSON object of strings (AuditEvent writes nothing else). */
    private static Map<String, String> data(DbRow row) {
        try {
            return JSON.readValue(row.column("data").get(String.class), EVENT_DATA);
        } catch (JsonProcessingException e) {
            // Never the text: the message would quote it.
            throw new IllegalStateException("an audit event's data is not an object of strings");
        }
    }

    private static RuntimeException failure(RuntimeException e) {
        if (SqlFailures.isUnavailable(e)) {
            return SqlFailures.unavailable();
        }
        return new IllegalStateException("sessions query failed with SQL state "
                + SqlFailures.sqlState(e).orElse("unknown"));
    }
}
