package dev.masker.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.masker.application.port.out.KeepVaultEntriesPort;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.session.SessionId;
import dev.masker.testsupport.ports.KeepVaultEntriesContractTest;
import dev.masker.testsupport.postgres.TestPostgres;
import io.helidon.dbclient.DbClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The token vault contract, held by {@link JdbcTokenVaultAdapter} on a real PostgreSQL. */
class JdbcTokenVaultAdapterIT extends KeepVaultEntriesContractTest {
    private static TestPostgres.Schema schema;

    @BeforeAll
    static void migrateFreshSchema() {
        schema = TestPostgres.freshSchema();
        AgentMigrations.migrate(schema.pool(), schema.name());
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Override
    protected KeepVaultEntriesPort vault() {
        return new JdbcTokenVaultAdapter(schema.db());
    }

    @Test
    void givenStoredEntries_theTable_neverHoldsAPlaintext() throws SQLException {
        SessionId session = newSession();
        List<String> values = List.of(EMAIL, "Jane Doe", "123-45-6789", "4111 1111 1111 1111");
        List<PhiKind> kinds = List.of(PhiKind.EMAIL, PhiKind.NAME, PhiKind.SSN, PhiKind.CARD);
        for (int i = 0; i < values.size(); i++) {
            vault().store(entry(session, kinds.get(i), values.get(i)));
        }

        StringBuilder table = new StringBuilder();
        try (Connection connection = schema.connect();
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT * FROM token_vault")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    byte[] bytes = rows.getBytes(column);
                    // Every column, read as text and, for bytea, as raw bytes in UTF-8 and in hex.
                    table.append(rows.getString(column)).append('\n');
                    if (bytes != null) {
                        table.append(new String(bytes, StandardCharsets.UTF_8))
                                .append('\n')
                                .append(HexFormat.of().formatHex(bytes))
                                .append('\n');
                    }
                }
            }
        }
        String dump = table.toString().toLowerCase(Locale.ROOT);
        assertTrue(dump.contains(session.value().toLowerCase(Locale.ROOT)), "the rows were read");
        for (String value : values) {
            String lower = value.toLowerCase(Locale.ROOT);
            assertFalse(dump.contains(lower), "a column holds a plaintext");
            assertFalse(
                    dump.contains(HexFormat.of().formatHex(lower.getBytes(StandardCharsets.UTF_8))),
                    "a column holds a plaintext's bytes");
        }
        assertFalse(
                dump.contains("123456789") || dump.contains("4111111111111111"), "a column holds normalised digits");
    }

    @Test
    void givenTheVaultColumns_theTable_hasNoPlaintextColumn() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = schema.connect();
                ResultSet result = connection.getMetaData().getColumns(null, schema.name(), "token_vault", null)) {
            while (result.next()) {
                columns.add(result.getString("COLUMN_NAME"));
            }
        }

        assertEquals(List.of("session_id", "token", "kind", "kid", "nonce", "ciphertext", "created_at"), columns);
    }

    @Test
    void givenOneSessionAndTokenStoredFromManyThreadsAtOnce_store_neverFailsAndKeepsOneRow() throws Exception {
        SessionId session = newSession();
        List<VaultEntry> entries = IntStream.range(0, 8)
                .mapToObj(i -> entry(session, PhiKind.EMAIL, EMAIL))
                .toList();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(entries.size())) {
            List<Future<Object>> stores = entries.stream()
                    .map(entry -> pool.submit(() -> {
                        start.await();
                        vault().store(entry);
                        return null;
                    }))
                    .toList();
            start.countDown();
            for (Future<Object> store : stores) {
                store.get();
            }
        }

        try (Connection connection = schema.connect();
                Statement count = connection.createStatement();
                ResultSet rows =
                        count.executeQuery("SELECT count(*) FROM token_vault WHERE session_id = '" + session + "'")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1));
        }
        assertTrue(entries.contains(
                vault().find(session, entries.getFirst().token()).orElseThrow()));
    }

    @Test
    void givenUnreachableDatabase_everyMethod_failsAsUnavailable() {
        try (HikariDataSource dead = TestPostgres.unreachablePool();
                DbClient db = TestPostgres.dbClient(dead::getConnection)) {
            JdbcTokenVaultAdapter adapter = new JdbcTokenVaultAdapter(db);
            VaultEntry entry = entry(newSession(), PhiKind.EMAIL, EMAIL);
            List<Executable> calls =
                    List.of(() -> adapter.store(entry), () -> adapter.find(entry.session(), entry.token()));

            for (Executable call : calls) {
                DomainException failure = assertThrows(DomainException.class, call);
                assertEquals(ErrorCode.UNAVAILABLE, failure.code());
            }
        }
    }
}
