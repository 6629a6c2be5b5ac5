package dev.masker.bootstrap;

import dev.masker.testsupport.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL the tests use ({@link TestPostgres}: {@code MASKER_TEST_DATABASE_URL} if set, else the local
 * server on 127.0.0.1:5432, else an embedded one started once for the whole run), as the server's configuration names
 * it. Every test class gets a schema of its own, so tests never truncate or share state.
 */
final class TestDatabase {
    private TestDatabase() {}

    static MaskerConfig.Database.Target target() {
        TestPostgres.Server server = TestPostgres.server();
        return new MaskerConfig.Database.Target(server.url(), server.user(), server.password());
    }

    /** A new, unused schema name. */
    static String freshSchema() {
        return "it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    static Connection connect(String schema) throws SQLException {
        Connection connection = TestPostgres.server().connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
        }
        return connection;
    }
}
