package dev.masker.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL the tests use: {@code MASKER_TEST_DATABASE_URL} if set, else the local server on
 * 127.0.0.1:5432, else an embedded one started once for the whole run (a machine without PostgreSQL). Every test class
 * gets a schema of its own, so tests never truncate or share state.
 */
final class TestDatabase {
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static String url;
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    static synchronized MaskerConfig.Database target() {
        if (url == null) {
            String configured = System.getenv("MASKER_TEST_DATABASE_URL");
            user = System.getenv().getOrDefault("MASKER_TEST_DATABASE_USER", "postgres");
            password = System.getenv().getOrDefault("MASKER_TEST_DATABASE_PASSWORD", "");
            if (configured != null && !configured.isBlank()) {
                url = configured;
            } else if (!"true".equals(System.getenv("MASKER_TEST_EMBEDDED")) && reachable(LOCAL)) {
                url = LOCAL;
            } else {
                url = startEmbedded();
                user = "postgres";
                password = "";
            }
        }
        return new MaskerConfig.Database(url, user, password);
    }

    /** A new, unused schema name. */
    static String freshSchema() {
        return "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    static Connection connect(String schema) throws SQLException {
        MaskerConfig.Database db = target();
        Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
        }
        return connection;
    }

    private static boolean reachable(String jdbcUrl) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl + "?connectTimeout=2", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(Files.createTempDirectory("masker-test-pg"));
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            return embedded.jdbcUrl();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
