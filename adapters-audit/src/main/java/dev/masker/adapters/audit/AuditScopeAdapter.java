package dev.masker.adapters.audit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masker.application.port.out.ReadAuditScopePort;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.audit.ChainHash;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.report.ChainProof;
import dev.masker.domain.report.MerkleRoot;
import dev.masker.domain.report.ReportPeriod;
import dev.masker.domain.report.ReportScope;
import dev.masker.domain.report.ScopeActivity;
import dev.masker.domain.report.ScopeActivity.LeakTurn;
import dev.masker.domain.report.ScopeActivity.StageLatency;
import dev.masker.domain.report.ScopeActivity.TimeBucket;
import dev.masker.domain.report.SegmentCheck;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Reads a report's scope from the audit log in one snapshot: the sums, counts, percentiles and timeline in one SQL
 * statement (each body is parsed once, by PostgreSQL, and none is sent to Masker), then the scope's hashes streamed
 * in sequence order into the Merkle root, then the chain segment from the scope's first to its last event re-hashed
 * by PostgreSQL. A scope of 100,000 events sends Masker 100,000 short rows and one JSON summary.
 */
public final class AuditScopeAdapter implements ReadAuditScopePort {
    /** The most leak turns a report lists; it counts them all. */
    static final int LEAK_TURNS_LISTED = 1_000;
    /** Sequence numbers per row of hashes read for the Merkle root. */
    private static final int HASH_CHUNK = 4_096;

    // The scope's own events, by where they are found: a session's by the session id in the body (indexed, V4), plus
    // the call_started of the call its call_ended names (by its dedup key); an agent's or the deployment's by time.
    // The three parts are looked up separately (a UNION, not an OR) so that each uses its index.
    private static final String SESSION_SCOPE = """
            seq IN (SELECT seq FROM audit_event
                    WHERE type = 'turn_proxied' AND CAST(body AS jsonb) -> 'data' ->> 'session_id' = ?
                    UNION ALL
                    SELECT seq FROM audit_event
                    WHERE type = 'call_ended' AND CAST(body AS jsonb) -> 'data' ->> 'session_id' = ?
                    UNION ALL
                    SELECT seq FROM audit_event WHERE dedup_key IN (
                        SELECT 'call_started:' || agent_id || ':' || (CAST(body AS jsonb) -> 'data' ->> 'call_id')
                        FROM audit_event WHERE type = 'call_ended' AND CAST(body AS jsonb) -> 'data' ->> 'session_id' = ?))""";
    private static final String AGENT_SCOPE = "agent_id = ? AND occurred_at >= ? AND occurred_at < ?";
    private static final String DEPLOYMENT_SCOPE = "occurred_at >= ? AND occurred_at < ?";

    /** The stages of a turn, as report names and their expressions over a turn's data {@code d}. */
    private static final Map<String, String> STAGES = stages();

    // Each turn's body is parsed once, into the scalar fields the report needs: a CTE of whole jsonb values would spill
    // to disk at 100,000 turns and be decompressed again by every sub-query. OFFSET 0 keeps the planner from folding
    // the parse into each of the fields (it would parse every body a dozen times: measured 8 s instead of 0.8 s).
    private static final String SUMMARY = """
            WITH scope AS MATERIALIZED (
                SELECT seq, type, agent_id, occurred_at FROM audit_event WHERE %1$s
            ), turns AS MATERIALIZED (
                SELECT seq, occurred_at, d ->> 'session_id' AS session_id, d ->> 'request_id' AS request_id,
                       d ->> 'masked' AS masked, d ->> 'outcome' AS outcome, d ->> 'policy' AS policy,
                       d ->> 'policy_version' AS policy_version,
                       CAST(d ->> 'masked_total' AS bigint) AS masked_total,
                       CAST(d ->> 'leak_findings' AS bigint) AS leak_findings, %5$s
                FROM (SELECT seq, occurred_at, CAST(body AS jsonb) -> 'data' AS d FROM audit_event
                      WHERE (%1$s) AND type = 'turn_proxied' OFFSET 0) AS parsed
            )
            SELECT CAST(jsonb_build_object(
                'events', (SELECT count(*) FROM scope),
                'first_at', (SELECT CAST(extract(epoch FROM min(occurred_at)) * 1000 AS bigint) FROM scope),
                'last_at', (SELECT CAST(extract(epoch FROM max(occurred_at)) * 1000 AS bigint) FROM scope),
                'calls_started', (SELECT count(*) FROM scope WHERE type = 'call_started'),
                'calls_ended', (SELECT count(*) FROM scope WHERE type = 'call_ended'),
                'agents', (SELECT coalesce(jsonb_agg(DISTINCT agent_id), '[]') FROM scope WHERE agent_id IS NOT NULL),
                'turns', (SELECT count(*) FROM turns),
                'sessions', (SELECT count(DISTINCT session_id) FROM turns),
                'masked_total', (SELECT coalesce(sum(masked_total), 0) FROM turns),
                'leak_findings', (SELECT coalesce(sum(leak_findings), 0) FROM turns),
                'leak_turn_count', (SELECT count(*) FROM turns WHERE leak_findings > 0),
                'leak_turns', (SELECT coalesce(jsonb_agg(jsonb_build_array(seq, request_id, session_id, leak_findings)
                                   ORDER BY seq), '[]')
                               FROM (SELECT * FROM turns WHERE leak_findings > 0 ORDER BY seq LIMIT %2$d) AS leaks),
                'masked', (SELECT coalesce(jsonb_object_agg(kind, n), '{}') FROM (
                               SELECT split_part(entry, ':', 1) AS kind, sum(CAST(split_part(entry, ':', 2) AS bigint)) AS n
                               FROM turns, string_to_table(masked, ',') AS entry
                               WHERE entry <> '' GROUP BY 1) AS kinds),
                'outcomes', (SELECT coalesce(jsonb_object_agg(outcome, n), '{}') FROM (
                               SELECT coalesce(outcome, 'unknown') AS outcome, count(*) AS n FROM turns GROUP BY 1)
                               AS outcomes),
                'timeline', (SELECT coalesce(jsonb_agg(jsonb_build_array(bucket, n, masked) ORDER BY bucket), '[]') FROM (
                               SELECT CAST(extract(epoch FROM date_trunc('%3$s', occurred_at AT TIME ZONE 'UTC')) AS bigint)
                                          AS bucket, count(*) AS n, coalesce(sum(masked_total), 0) AS masked
                               FROM turns GROUP BY 1) AS buckets),
                'policies', (SELECT coalesce(jsonb_object_agg(p, n), '{}') FROM (
                               SELECT coalesce(policy, '') || ':' || coalesce(policy_version, '') AS p, count(*) AS n
                               FROM turns GROUP BY 1) AS policies),
                'latency', (SELECT jsonb_build_object(%4$s) FROM turns)
            ) AS text) AS summary
            """;

    // The segment from the scope's first to its last event, and the event before it (whose hash the first must name):
    // each event re-hashed, linked, without gaps, and its columns found in its body. The body is canonical JSON with
    // sorted keys (agent_id, data, event_id, occurred_at, seq, type), so the columns are its start and its end;
    // comparing
    // text there costs a fraction of parsing 100,000 bodies.
    private static final String SEGMENT = """
            SELECT count(*) FILTER (WHERE seq >= ?) AS checked, min(seq) FILTER (WHERE seq >= ? AND broken) AS first_break
            FROM (
                SELECT seq,
                       hash <> encode(sha256(convert_to(prev_hash || body, 'UTF8')), 'hex')
                       OR prev_hash <> coalesce(lag(hash) OVER w, ?)
                       OR seq <> coalesce(lag(seq) OVER w + 1, ?)
                       OR NOT starts_with(body, coalesce('{"agent_id":' || to_json(agent_id) || ',"data":{', '{"data":{'))
                       OR right(body, length(suffix)) <> suffix AS broken
                FROM (SELECT seq, body, prev_hash, hash, agent_id,
                             '","occurred_at":"' || to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                             || '","seq":' || seq || ',"type":' || to_json(type) || '}' AS suffix
                      FROM audit_event WHERE seq BETWEEN ? AND ?) AS rows
                WINDOW w AS (ORDER BY seq)
            ) AS checked
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where a report's second connection runs: a virtual thread of its own. */
    private static final Executor OTHER_CONNECTION =
            task -> Thread.ofVirtual().name("report-chain").start(task);

    private final DbClient db;

    public AuditScopeAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public boolean hasEvents(AgentId agent) {
        try {
            return db.execute()
                    .get("SELECT EXISTS (SELECT 1 FROM audit_event WHERE agent_id = ?) AS known", agent.value())
                    .orElseThrow()
                    .column("known")
                    .get(Boolean.class);
        } catch (RuntimeException e) {
            throw ChainedAuditAdapter.unavailable();
        }
    }

    @Override
    public Optional<ScopeReading> read(ReportScope scope, ChronoUnit bucket) {
        if (bucket != ChronoUnit.HOURS && bucket != ChronoUnit.DAYS) {
            throw new IllegalArgumentException("a report's timeline is by the hour or by the day");
        }
        // One snapshot: the sums, the proof and the check cover the same events, whatever is appended meanwhile. The
        // sums
        // and the chain (proof, then check) are independent, so they run on two connections at once, the second in the
        // snapshot the first exports: over 100,000 events each takes about half of the report's time.
        return ReadSnapshot.read(db, snapshot -> read(snapshot, scope, bucket));
    }

    private Optional<ScopeReading> read(DbExecute snapshot, ReportScope scope, ChronoUnit bucket) {
        String filter = switch (scope) {
            case ReportScope.Session ignored -> SESSION_SCOPE;
            case ReportScope.Agent ignored -> AGENT_SCOPE;
            case ReportScope.Deployment ignored -> DEPLOYMENT_SCOPE;
        };
        List<Object> params = params(scope);
        String summarySql = SUMMARY.formatted(
                filter,
                LEAK_TURNS_LISTED,
                bucket == ChronoUnit.HOURS ? "hour" : "day",
                latencyColumns(),
                stageColumns());
        List<Object> twice = new ArrayList<>(params);
        twice.addAll(params);
        String exported = ReadSnapshot.export(snapshot);
        CompletableFuture<Chain> chain = CompletableFuture.supplyAsync(
                () -> ReadSnapshot.readIn(db, exported, other -> chain(other, filter, params)), OTHER_CONNECTION);
        String summary;
        try {
            summary = snapshot.createGet(summarySql)
                    .params(twice)
                    .execute()
                    .orElseThrow()
                    .column("summary")
                    .get(String.class);
        } catch (RuntimeException e) {
            chain.cancel(true);
            throw e;
        }
        ScopeActivity activity = activity(parse(summary), period(scope).map(within -> filled(within, bucket)));
        Chain read = join(chain);
        if (activity.events() == 0 && scope instanceof ReportScope.Session) {
            return Optional.empty();
        }
        return Optional.of(new ScopeReading(activity, read.proof(), read.check()));
    }

    /** The scope's proof and its segment check, read together on the second connection. */
    private record Chain(ChainProof proof, SegmentCheck check) {}

    private static Chain chain(DbExecute db, String filter, List<Object> params) {
        ChainProof proof = proof(db, filter, params);
        SegmentCheck check = proof.first().isEmpty()
                ? SegmentCheck.NONE
                : check(
                        db,
                        proof.first().get().sequence(),
                        proof.last().orElseThrow().sequence());
        return new Chain(proof, check);
    }

    private static Chain join(CompletableFuture<Chain> chain) {
        try {
            return chain.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static List<Object> params(ReportScope scope) {
        return switch (scope) {
            case ReportScope.Session session ->
                List.of(
                        session.session().value(),
                        session.session().value(),
                        session.session().value());
            case ReportScope.Agent agent -> {
                List<Object> values = new ArrayList<>(List.of(agent.agent().value()));
                values.addAll(period(agent.period()));
                yield values;
            }
            case ReportScope.Deployment deployment -> period(deployment.period());
        };
    }

    private static List<Object> period(ReportPeriod period) {
        return List.of(
                OffsetDateTime.ofInstant(period.since(), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(period.until(), ZoneOffset.UTC));
    }

    /**
     * The scope's hashes in sequence order, streamed into the Merkle root a chunk at a time (the hashes of up to
     * {@link #HASH_CHUNK} consecutive sequence numbers joined in one row: a row per event costs more to map than to
     * hash); only the ends are kept.
     */
    private static ChainProof proof(DbExecute db, String filter, List<Object> params) {
        MerkleRoot root = new MerkleRoot();
        ChainProof.End first = null;
        ChainProof.End last = null;
        String chunks =
                "SELECT min(seq) AS first_seq, max(seq) AS last_seq, string_agg(hash, '' ORDER BY seq) AS hashes"
                        + " FROM audit_event WHERE " + filter + " GROUP BY seq / " + HASH_CHUNK + " ORDER BY min(seq)";
        try (Stream<DbRow> rows = db.createQuery(chunks).params(params).execute()) {
            Iterator<DbRow> iterator = rows.iterator();
            while (iterator.hasNext()) {
                DbRow row = iterator.next();
                String hashes = row.column("hashes").get(String.class);
                for (int at = 0; at < hashes.length(); at += 64) {
                    root.add(hashes.substring(at, at + 64));
                }
                last = new ChainProof.End(
                        row.column("last_seq").get(Long.class), hashes.substring(hashes.length() - 64));
                if (first == null) {
                    first = new ChainProof.End(row.column("first_seq").get(Long.class), hashes.substring(0, 64));
                }
            }
        }
        return first == null
                ? ChainProof.EMPTY
                : new ChainProof(root.count(), Optional.of(first), Optional.of(last), root.root());
    }

    private static SegmentCheck check(DbExecute db, long from, long to) {
        DbRow row = db.createGet(SEGMENT)
                .params(from, from, ChainHash.GENESIS, from, from - 1, to)
                .execute()
                .orElseThrow();
        long checked = row.column("checked").get(Long.class);
        OptionalLong firstBreak = row.column("first_break")
                .asOptional()
                .map(value -> OptionalLong.of(((Number) value).longValue()))
                .orElse(OptionalLong.empty());
        if (firstBreak.isEmpty() && checked != to - from + 1) {
            // Rows missing at the segment's end leave no row to flag; the first missing one is the break.
            firstBreak = OptionalLong.of(from + checked);
        }
        return new SegmentCheck(from, to, checked, firstBreak);
    }

    private static JsonNode parse(String summary) {
        try {
            return JSON.readTree(summary);
        } catch (JacksonException e) {
            throw new IllegalStateException("the audit summary is not JSON", e);
        }
    }

    private static Optional<ReportPeriod> period(ReportScope scope) {
        return switch (scope) {
            case ReportScope.Session ignored -> Optional.empty();
            case ReportScope.Agent agent -> Optional.of(agent.period());
            case ReportScope.Deployment deployment -> Optional.of(deployment.period());
        };
    }

    /** Every bucket of the period (UTC hours or days), empty ones included, so that a chart shows quiet times too. */
    private static Map<Instant, TimeBucket> filled(ReportPeriod period, ChronoUnit bucket) {
        Map<Instant, TimeBucket> buckets = new LinkedHashMap<>();
        Instant start = bucket == ChronoUnit.DAYS
                ? period.since().truncatedTo(ChronoUnit.DAYS)
                : period.since().truncatedTo(ChronoUnit.HOURS);
        for (Instant at = start; at.isBefore(period.until()); at = at.plus(1, bucket)) {
            buckets.put(at, new TimeBucket(at, 0, 0));
        }
        return buckets;
    }

    private static ScopeActivity activity(JsonNode summary, Optional<Map<Instant, TimeBucket>> empty) {
        Map<PhiKind, Long> masked = new EnumMap<>(PhiKind.class);
        summary.path("masked")
                .properties()
                .forEach(entry -> PhiKind.parse(entry.getKey())
                        .ifPresent(kind -> masked.put(kind, entry.getValue().asLong())));
        Map<String, Long> outcomes = new LinkedHashMap<>();
        summary.path("outcomes")
                .properties()
                .forEach(entry -> outcomes.put(entry.getKey(), entry.getValue().asLong()));
        List<LeakTurn> leaks = new ArrayList<>();
        for (JsonNode leak : summary.path("leak_turns")) {
            leaks.add(new LeakTurn(
                    leak.get(0).asLong(),
                    leak.get(1).asText(""),
                    leak.get(2).asText(""),
                    leak.get(3).asLong()));
        }
        List<StageLatency> latencies = new ArrayList<>();
        JsonNode latency = summary.path("latency");
        for (String stage : STAGES.keySet()) {
            JsonNode values = latency.path(stage);
            if (values.path(0).asLong() > 0) {
                latencies.add(new StageLatency(
                        stage,
                        values.path(0).asLong(),
                        values.path(1).path(0).asDouble() / 1_000.0,
                        values.path(1).path(1).asDouble() / 1_000.0));
            }
        }
        Map<Instant, TimeBucket> timeline = new LinkedHashMap<>(empty.orElse(Map.of()));
        for (JsonNode bucket : summary.path("timeline")) {
            Instant start = Instant.ofEpochSecond(bucket.get(0).asLong());
            timeline.put(
                    start,
                    new TimeBucket(start, bucket.get(1).asLong(), bucket.get(2).asLong()));
        }
        // "name:version" of the policy each turn recorded; ":" for turns recorded before turns named their policy.
        Map<String, Long> policies = new LinkedHashMap<>();
        summary.path("policies")
                .properties()
                .forEach(entry -> policies.put(entry.getKey(), entry.getValue().asLong()));
        List<AgentId> agents = new ArrayList<>();
        for (JsonNode agent : summary.path("agents")) {
            AgentId.parse(agent.asText()).ifPresent(agents::add);
        }
        return new ScopeActivity(
                summary.path("events").asLong(),
                instant(summary.path("first_at")),
                instant(summary.path("last_at")),
                summary.path("turns").asLong(),
                summary.path("sessions").asLong(),
                summary.path("calls_started").asLong(),
                summary.path("calls_ended").asLong(),
                summary.path("masked_total").asLong(),
                masked,
                summary.path("leak_findings").asLong(),
                summary.path("leak_turn_count").asLong(),
                leaks,
                outcomes,
                latencies,
                List.copyOf(timeline.values()),
                agents,
                policies);
    }

    private static Optional<Instant> instant(JsonNode millis) {
        return millis.isNumber() ? Optional.of(Instant.ofEpochMilli(millis.asLong())) : Optional.empty();
    }

    /** Per stage: {@code [turns measured, [p50 µs, p95 µs]]}. */
    private static String latencyColumns() {
        List<String> columns = new ArrayList<>();
        // One sort per stage: percentile_cont over an array of fractions answers both from it.
        STAGES.keySet()
                .forEach(stage -> columns.add("'" + stage + "', jsonb_build_array(count(" + stage + "_us), "
                        + "percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY " + stage + "_us))"));
        return String.join(",\n                    ", columns);
    }

    /** Each stage's time of a turn, in microseconds, read from its data {@code d}. */
    private static String stageColumns() {
        List<String> columns = new ArrayList<>();
        STAGES.forEach((stage, expression) -> columns.add(expression + " AS " + stage + "_us"));
        return String.join(", ", columns);
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        for (String stage : List.of("mask", "upstream_first_byte", "upstream", "vault", "vault_wait", "total")) {
            stages.put(stage, "CAST(d ->> '" + stage + "_us' AS bigint)");
        }
        // What Masker itself added to the turn: its whole time less the upstream call's.
        stages.put("added", "CAST(d ->> 'total_us' AS bigint) - CAST(d ->> 'upstream_us' AS bigint)");
        return Collections.unmodifiableMap(stages);
    }
}
