package dev.masker.adapters.audit;

import dev.masker.application.port.out.VerifyAuditChainPort;
import dev.masker.domain.audit.ChainVerification;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-computes the audit log's hash chain page by page, in one consistent snapshot, and reports the first event where
 * it does not hold: a body that does not hash to its stored hash (edited), a {@code prev_hash} that is not the previous
 * hash or a gap in the sequence (removed or inserted), columns that disagree with the hashed body, or a head that is
 * not the last event.
 */
public final class AuditChainVerifierAdapter implements VerifyAuditChainPort {
    private static final int PAGE = 1000;
    private static final String PAGE_QUERY = """
            SELECT seq, event_id, type, agent_id, occurred_at, body, prev_hash, hash FROM audit_event
            WHERE seq > ? ORDER BY seq LIMIT ?
            """;

    private final DbClient db;

    public AuditChainVerifierAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public ChainVerification verify() {
        // One snapshot for the whole walk: appends committed meanwhile are neither seen nor mistaken for tampering.
        return ReadSnapshot.read(db, this::walk);
    }

    private ChainVerification walk(DbExecute db) {
        Optional<DbRow> head = db.get("SELECT seq, hash FROM audit_chain_head WHERE id = 1");
        if (head.isEmpty()) {
            return new ChainVerification.Broken(0, "the chain head row is missing");
        }
        long headSequence = head.get().column("seq").get(Long.class);
        String headHash = head.get().column("hash").get(String.class);
        long expected = 1;
        String previousHash = CanonicalEvent.GENESIS_HASH;
        while (true) {
            List<DbRow> rows = db.createQuery(PAGE_QUERY).params(expected - 1, PAGE).execute().toList();
            for (DbRow row : rows) {
                long sequence = row.column("seq").get(Long.class);
                if (sequence != expected) {
                    return new ChainVerification.Broken(expected, "event " + expected + " is missing");
                }
                String body = row.column("body").get(String.class);
                if (!previousHash.equals(row.column("prev_hash").get(String.class))) {
                    return new ChainVerification.Broken(sequence, "prev_hash is not the previous event's hash");
                }
                String hash = CanonicalEvent.hash(previousHash, body);
                if (!hash.equals(row.column("hash").get(String.class))) {
                    return new ChainVerification.Broken(sequence, "the body does not hash to the stored hash");
                }
                if (!agreesWithBody(row, sequence, CanonicalEvent.parse(body))) {
                    return new ChainVerification.Broken(sequence, "the row's columns disagree with its hashed body");
                }
                previousHash = hash;
                expected++;
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        if (expected - 1 != headSequence) {
            long at = Math.min(expected, headSequence);
            return new ChainVerification.Broken(at, "the chain head names event " + headSequence
                    + " but the log ends at event " + (expected - 1));
        }
        if (!previousHash.equals(headHash)) {
            return new ChainVerification.Broken(headSequence, "the chain head's hash is not the last event's hash");
        }
        return new ChainVerification.Intact(headSequence, previousHash);
    }

    private static boolean agreesWithBody(DbRow row, long sequence, Map<String, Object> body) {
        return body.get("seq") instanceof Number seq && seq.longValue() == sequence
                && Objects.equals(row.column("event_id").get(String.class), body.get("event_id"))
                && Objects.equals(row.column("type").get(String.class), body.get("type"))
                && Objects.equals(row.column("agent_id").get(String.class), body.get("agent_id"))
                && Objects.equals(occurredAt(row.column("occurred_at").get()), body.get("occurred_at"));
    }

    private static String occurredAt(Object column) {
        return switch (column) {
            case Timestamp timestamp -> CanonicalEvent.timestamp(timestamp.toInstant());
            case OffsetDateTime dateTime -> CanonicalEvent.timestamp(dateTime.toInstant());
            case null, default -> null;
        };
    }
}
