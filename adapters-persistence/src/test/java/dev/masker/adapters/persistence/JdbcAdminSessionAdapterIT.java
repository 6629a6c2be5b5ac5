package dev.masker.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.masker.application.port.out.KeepAdminSessionsPort;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionDigest;
import dev.masker.domain.admin.AdminSessionSecret;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.testsupport.ports.KeepAdminSessionsContractTest;
import dev.masker.testsupport.postgres.TestPostgres;
import io.helidon.dbclient.DbClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The admin session store contract, held by {@link JdbcAdminSessionAdapter} on a real PostgreSQL. */
class JdbcAdminSessionAdapterIT extends KeepAdminSessionsContractTest {
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
    protected KeepAdminSessionsPort store() {
        return new JdbcAdminSessionAdapter(schema.db());
    }

    @Test
    void givenASignedInSession_theTable_holdsTheDigestButNeverTheSecret() throws SQLException {
        AdminSessionSecret secret = newSecret();
        store().create(AdminSession.create(secret.digest(), PRINCIPAL, SIGNED_IN));

        List<String> row = new ArrayList<>();
        try (Connection connection = schema.connect();
                PreparedStatement select =
                        connection.prepareStatement("SELECT * FROM admin_session WHERE secret_sha256 = ?")) {
            select.setString(1, secret.digest().hex());
            try (ResultSet result = select.executeQuery()) {
                assertTrue(result.next(), "the session row is there");
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    row.add(String.valueOf(result.getString(column)));
                }
            }
        }

        assertEquals(secret.digest().hex(), row.getFirst());
        assertFalse(String.join(" ", row).contains(secret.value()), "a column holds the cookie value: " + row);
    }

    @Test
    void givenUnreachableDatabase_everyMethod_failsAsUnavailable() {
        try (HikariDataSource dead = TestPostgres.unreachablePool();
                DbClient db = TestPostgres.dbClient(dead::getConnection)) {
            JdbcAdminSessionAdapter adapter = new JdbcAdminSessionAdapter(db);
            AdminSessionDigest digest = newSecret().digest();
            List<Executable> calls = List.of(
                    () -> adapter.create(AdminSession.create(digest, PRINCIPAL, SIGNED_IN)),
                    () -> adapter.find(digest),
                    () -> adapter.extend(digest, SIGNED_IN, SIGNED_IN.plus(AdminSession.LIFETIME)),
                    () -> adapter.revoke(digest, SIGNED_IN));

            for (Executable call : calls) {
                DomainException failure = assertThrows(DomainException.class, call);
                assertEquals(ErrorCode.UNAVAILABLE, failure.code());
                assertTrue(failure.retryAfter().isPresent());
            }
        }
    }
}
