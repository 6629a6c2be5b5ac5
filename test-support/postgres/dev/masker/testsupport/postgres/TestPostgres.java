package dev.masker.testsupport.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real PostgreSQL every module's integration tests use: {@code MASKER_TEST_DATABASE_URL} when set, else the local
 * server on 127.0.0.1:5432, else (or with {@code MASKER_TEST_EMBEDDED=true}, as environment variable or system property)
 * an embedded one started once per test JVM. Every test class, or test, works in a fresh schema of its own, so nothing is
 * truncated and nothing is shared.
 */
public final class TestPostgres {
    private static final System.Logger LOG = System.getLogger(TestPostgres.class.getName());
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static Server server;
    private static EmbeddedPostgres embedded;

    /** Where the server is and who logs in; the user may change session_replication_role (a superuser). */
    public record Server(String url, String user, String password) {
        /** A plain JDBC connection, giving up after two seconds. */
        public Connection connect() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("connectTimeout", "2");
            return DriverManager.getConnection(url, properties);
        }
    }

    /** A fresh schema with a pool whose connections use it; closing drops the schema. */
    public record Schema(String name, HikariDataSource pool, DbClient db) implements AutoCloseable {
        /** A plain JDBC connection outside the pool, in this schema. */
        public Connection connect() throws SQLException {
            Connection connection = server().connect();
            connection.setSchema(name);
            return connection;
        }

        /** Runs the statement as a superuser with every ordinary trigger off: what an attacker with the database could do. */
        public int executeBypassingTriggers(String sql) throws SQLException {
            try (Connection connection = connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
                return statement.executeUpdate(sql);
            }
        }

        @Override
        public void close() {
            db.close();
            pool.close();
            try (Connection connection = server().connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("the test schema " + name + " could not be dropped", e);
            }
        }
    }

    /** Where a DbClient gets its connections from. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection connection() throws SQLException;
    }

    private TestPostgres() {}

    /** The server, found (or started) on first use. */
    public static synchronized Server server() {
        if (server == null) {
            server = locate();
            // Without the query string, where a password could be.
            LOG.log(
                    System.Logger.Level.INFO,
                    "integration tests use PostgreSQL at {0}",
                    server.url().split("\\?")[0]);
        }
        return server;
    }

    /** A new schema name (not yet created) with a pool of connections set to it. */
    public static Schema freshSchema() {
        String name =
                "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(server().url());
        config.setUsername(server().user());
        config.setPassword(server().password());
        config.setSchema(name);
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(5_000);
        HikariDataSource pool = new HikariDataSource(config);
        return new Schema(name, pool, dbClient(pool::getConnection));
    }

    /** A pool pointing at a loopback port nobody listens on: every connection attempt fails within about 500 ms. */
    public static HikariDataSource unreachablePool() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("unreachable");
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/test");
        config.setUsername("postgres");
        config.setConnectionTimeout(500);
        // Do not try to connect while building the pool: the test wants the failure at use.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** A DbClient over the source, wrapped the way the bootstrap wraps its Hikari pools. */
    public static DbClient dbClient(ConnectionSource source) {
        return JdbcClientBuilder.create()
                .connectionPool(() -> {
                    try {
                        return source.connection();
                    } catch (SQLException e) {
                        throw new IllegalStateException("no database connection", e);
                    }
                })
                .build();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Server locate() {
        String url = System.getenv("MASKER_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Server(
                    url,
                    System.getenv().getOrDefault("MASKER_TEST_DATABASE_USER", "postgres"),
                    System.getenv().getOrDefault("MASKER_TEST_DATABASE_PASSWORD", ""));
        }
        boolean embeddedForced =
                "true".equals(System.getenv("MASKER_TEST_EMBEDDED")) || Boolean.getBoolean("MASKER_TEST_EMBEDDED");
        Server local = new Server(LOCAL_URL, "postgres", "");
        if (!embeddedForced) {
            try {
                local.connect().close();
                return local;
            } catch (SQLException e) {
                // No local server: fall through to an embedded one.
            }
        }
        try {
            // Its shutdown hook stops the server when the test JVM exits.
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
        return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }
}
