package dev.masker.adapters.audit;

import dev.masker.application.port.out.VerifyAuditChainPort;
import dev.masker.domain.audit.ChainVerification;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-computes the audit log's hash chain page by page and reports the first event where it does not hold: a body
 * that does not hash to its stored hash (edited), a {@code prev_hash} that is not the previous hash or a gap in the
 * sequence (removed or inserted), a body that disagrees with its row, or a head that is not the last event.
 */
public final class AuditChainVerifierAdapter implements VerifyAuditChainPort {
    private static final int PAGE = 1000;
    private static final String PAGE_QUERY = """
            SELECT seq, event_id, type, body, prev_hash, hash FROM audit_event
            WHERE seq > ? ORDER BY seq LIMIT ?
            """;

    private final DbClient db;

    public AuditChainVerifierAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public ChainVerification verify() {
        try {
            return walk();
        } catch (RuntimeException e) {
            throw ChainedAuditAdapter.unavailable();
        }
    }

    private ChainVerification walk() {
        long expected = 1;
        String previousHash = CanonicalEvent.GENESIS_HASH;
        while (true) {
            List<DbRow> rows = db.execute().createQuery(PAGE_QUERY).params(expected - 1, PAGE).execute().toList();
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
                Map<String, Object> parsed = CanonicalEvent.parse(body);
                if (!Long.valueOf(sequence).equals(((Number) parsed.getOrDefault("seq", -1)).longValue())
                        || !row.column("event_id").get(String.class).equals(parsed.get("event_id"))
                        || !row.column("type").get(String.class).equals(parsed.get("type"))) {
                    return new ChainVerification.Broken(sequence, "the row's columns disagree with its hashed body");
                }
                previousHash = hash;
                expected++;
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        DbRow head = db.execute().get("SELECT seq, hash FROM audit_chain_head WHERE id = 1")
                .orElseThrow(() -> new IllegalStateException("the audit chain head row is missing"));
        long headSequence = head.column("seq").get(Long.class);
        if (headSequence != expected - 1 || !previousHash.equals(head.column("hash").get(String.class))) {
            return new ChainVerification.Broken(expected - 1, "the chain head names event " + headSequence
                    + " but the log ends at event " + (expected - 1));
        }
        return new ChainVerification.Intact(expected - 1, previousHash);
    }
}
