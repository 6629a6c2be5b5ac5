package dev.masker.adapters.audit;

import dev.masker.application.port.out.VerifyAuditChainPort;
import dev.masker.domain.audit.ChainLink;
import dev.masker.domain.audit.ChainPosition;
import dev.masker.domain.audit.ChainVerification;
import dev.masker.domain.audit.ChainWalk;
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
        Optional<DbRow> headRow = db.get("SELECT seq, hash FROM audit_chain_head WHERE id = 1");
        if (headRow.isEmpty()) {
            return new ChainVerification.Broken(0, "the chain head row is missing", 0, Optional.empty());
        }
        ChainPosition head = new ChainPosition(
                headRow.get().column("seq").get(Long.class),
                headRow.get().column("hash").get(String.class));
        ChainWalk walk = ChainWalk.fromGenesis();
        while (true) {
            List<DbRow> rows = db.createQuery(PAGE_QUERY)
                    .params(walk.position().sequence(), PAGE)
                    .execute()
                    .toList();
            for (DbRow row : rows) {
                ChainLink link = new ChainLink(
                        row.column("seq").get(Long.class),
                        row.column("prev_hash").get(String.class),
                        row.column("hash").get(String.class),
                        row.column("body").get(String.class));
                Optional<ChainVerification.Broken> broken = walk.next(
                        link,
                        sound -> agreesWithBody(row, sound.sequence(), CanonicalEvent.parse(sound.body()))
                                ? Optional.empty()
                                : Optional.of("the row's columns disagree with its hashed body"));
                if (broken.isPresent()) {
                    return broken.get().claimingHead(head);
                }
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        return walk.endAt(head);
    }

    private static boolean agreesWithBody(DbRow row, long sequence, Map<String, Object> body) {
        return body.get("seq") instanceof Number seq
                && seq.longValue() == sequence
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
