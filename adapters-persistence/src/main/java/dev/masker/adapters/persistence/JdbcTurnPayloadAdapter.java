package dev.masker.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.masker.application.port.out.KeepTurnPayloadsPort;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.SealedValue;
import dev.masker.domain.phi.TurnPayloads;
import dev.masker.domain.session.SessionId;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turn payloads in PostgreSQL: serialised to JSON and sealed ({@link TurnPayloads}) before the statement is built, so
 * the table, the driver and the database's own logs only ever see a nonce and a ciphertext. A payload that no longer
 * opens (its kid's key removed) is left out of what a session shows.
 */
public final class JdbcTurnPayloadAdapter implements KeepTurnPayloadsPort {
    private static final String INSERT = """
            INSERT INTO turn_payload (session_id, request_id, kid, nonce, ciphertext, created_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id, request_id) DO NOTHING
            """;
    private static final String SELECT = """
            SELECT request_id, kid, nonce, ciphertext FROM turn_payload WHERE session_id = ? ORDER BY created_at, request_id
            """;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final DbClient db;
    private final TurnPayloads sealer;

    public JdbcTurnPayloadAdapter(DbClient db, TurnPayloads sealer) {
        this.db = Objects.requireNonNull(db, "db");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    @Override
    public void keep(TurnPayload payload) {
        String json;
        try {
            json = JSON.writeValueAsString(payload.content());
        } catch (JsonProcessingException e) {
            // Never the payload in the message: it is PHI.
            throw new IllegalStateException("a turn payload could not be written as JSON");
        }
        SealedValue sealed = sealer.seal(payload.session(), payload.requestId(), payload.kid(), json);
        try {
            db.execute()
                    .createInsert(INSERT)
                    .params(
                            payload.session().value(),
                            payload.requestId(),
                            payload.kid().value(),
                            sealed.nonce(),
                            sealed.ciphertext(),
                            OffsetDateTime.ofInstant(payload.at(), ZoneOffset.UTC))
                    .execute();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public Map<String, Map<String, Object>> ofSession(SessionId session) {
        List<DbRow> rows;
        try {
            rows = db.execute()
                    .createQuery(SELECT)
                    .params(session.value())
                    .execute()
                    .toList();
        } catch (RuntimeException e) {
            throw failure(e);
        }
        Map<String, Map<String, Object>> payloads = new LinkedHashMap<>();
        for (DbRow row : rows) {
            String requestId = row.column("request_id").get(String.class);
            open(session, requestId, row).ifPresent(payload -> payloads.put(requestId, payload));
        }
        return payloads;
    }

    private Optional<Map<String, Object>> open(SessionId session, String requestId, DbRow row) {
        SealedValue sealed = new SealedValue(
                row.column("nonce").get(byte[].class), row.column("ciphertext").get(byte[].class));
        String kid = row.column("kid").get(String.class);
        if (!Kid.isValid(kid)) {
            // Checked here so that a damaged row is a 500, not the 422 a bad kid in a policy's YAML gets.
            throw new IllegalStateException("a stored turn payload names no kid");
        }
        return sealer.open(session, requestId, new Kid(kid), sealed).map(json -> {
            try {
                return JSON.readValue(json, OBJECT);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored turn payload is not a JSON object");
            }
        });
    }

    private static RuntimeException failure(RuntimeException e) {
        if (SqlFailures.isUnavailable(e)) {
            return SqlFailures.unavailable();
        }
        return new IllegalStateException("turn payload statement failed with SQL state "
                + SqlFailures.sqlState(e).orElse("unknown"));
    }
}
