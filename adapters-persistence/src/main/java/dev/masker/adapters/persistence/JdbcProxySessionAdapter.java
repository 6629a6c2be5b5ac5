package dev.masker.adapters.persistence;

import dev.masker.application.port.out.ProxySessionPort;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.vapi.CallId;
import io.helidon.dbclient.DbClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The proxy's sessions in PostgreSQL: one row per call of an agent. A call's first turn starts its session with one
 * statement that also finds a session another instance started a moment before (the unique (agent, call) pair
 * decides); later turns find it in memory. A session's id never changes once started, so remembering it is always
 * right; its end (Vapi's end-of-call report) is written once, by the first report.
 */
public final class JdbcProxySessionAdapter implements ProxySessionPort {
    // ON CONFLICT DO UPDATE (a no-op update) makes RETURNING give the existing row's id when the call has one.
    // The statement commits without waiting for the WAL flush (synchronous_commit off for its own transaction only,
    // set by set_config in the row source): a call's first turn then does not wait on a disk flush (~1.3 ms here).
    // The row is made durable by the next flushed commit, at the latest the turn's vault write, which the answer waits
    // for; what a crash of PostgreSQL itself could lose is the session row of a just-started call whose turn had no new
    // value, and that call's next turn then starts it again.
    private static final String START_OR_FIND = """
            INSERT INTO proxy_session (id, agent_id, call_id, started_at)
            SELECT :id, :agent_id, :call_id, :started_at FROM (SELECT set_config('synchronous_commit', 'off', true)) AS unflushed
            ON CONFLICT (agent_id, call_id) DO UPDATE SET call_id = EXCLUDED.call_id
            RETURNING id
            """;
    // The first report ends the session; a later one finds it ended and changes nothing.
    private static final String END = """
            UPDATE proxy_session SET ended_at = coalesce(ended_at, :ended_at),
                                     ended_reason = coalesce(ended_reason, :ended_reason)
            WHERE agent_id = :agent_id AND call_id = :call_id
            RETURNING id, started_at
            """;
    private static final int MAX_REMEMBERED = 10_000;

    private final DbClient db;
    private final RecentEntries<String, SessionId> remembered = new RecentEntries<>(MAX_REMEMBERED);

    public JdbcProxySessionAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public SessionId sessionFor(AgentId agent, Optional<String> callId, SessionId fresh, Instant now) {
        String key = callId.map(call -> agent.value() + " " + call).orElse(null);
        if (key != null) {
            Optional<SessionId> known = remembered.get(key);
            if (known.isPresent()) {
                return known.get();
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", fresh.value());
        params.put("agent_id", agent.value());
        params.put("call_id", callId.orElse(null));
        params.put("started_at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        SessionId session;
        try {
            session = db.execute()
                    .createGet(START_OR_FIND)
                    .params(params)
                    .execute()
                    .flatMap(row -> SessionId.parse(row.column("id").get(String.class)))
                    .orElseThrow(() -> new IllegalStateException("starting a session returned no session id"));
        } catch (RuntimeException e) {
            throw failure(e);
        }
        if (key != null) {
            remembered.put(key, session);
        }
        return session;
    }

    @Override
    public Optional<CallSession> endCall(AgentId agent, CallId call, Instant endedAt, String endedReason) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ended_at", OffsetDateTime.ofInstant(endedAt, ZoneOffset.UTC));
        params.put("ended_reason", endedReason);
        params.put("agent_id", agent.value());
        params.put("call_id", call.value());
        try {
            return db.execute()
                    .createGet(END)
                    .params(params)
                    .execute()
                    .map(row -> new CallSession(
                            SessionId.parse(row.column("id").get(String.class)).orElseThrow(),
                            SqlTimes.instant(row.column("started_at").get())
                                    .orElseThrow(
                                            () -> new IllegalStateException("a session has an unreadable start"))));
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private static RuntimeException failure(RuntimeException e) {
        if (SqlFailures.isUnavailable(e)) {
            return SqlFailures.unavailable();
        }
        // Never the driver's message: PostgreSQL quotes offending values in it.
        return new IllegalStateException("session statement failed with SQL state "
                + SqlFailures.sqlState(e).orElse("unknown"));
    }
}
