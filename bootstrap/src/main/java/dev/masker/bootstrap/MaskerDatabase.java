package dev.masker.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.masker.adapters.audit.AuditMigrations;
import dev.masker.adapters.persistence.AgentMigrations;
import dev.masker.bootstrap.MaskerConfig.Database.Target;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Masker's PostgreSQL: the external one configured, or an embedded one under the data directory. Three pools, each
 * behind a Helidon DbClient, and the schemas migrated before anything is served: one for agents and the API; a small
 * one for the audit writer, so audit commits never queue behind API queries; and one for the proxy's per-turn writes
 * (token vault, sessions), whose commits do not wait for the disk ({@code synchronous_commit = off}): a turn is
 * answered from memory, and every turn of a call writes its conversation's tokens again, so a database crash can cost
 * at most rows that the next turn restores — never agents or the audit log.
 */
public final class MaskerDatabase implements AutoCloseable {
    private static final int AUDIT_POOL_SIZE = 2;

    private final Optional<EmbeddedDatabase> embedded;
    private final Target target;
    private final HikariDataSource appPool;
    private final HikariDataSource auditPool;
    private final HikariDataSource turnsPool;
    private final DbClient app;
    private final DbClient audit;
    private final DbClient turns;

    private MaskerDatabase(
            Optional<EmbeddedDatabase> embedded,
            Target target,
            HikariDataSource appPool,
            HikariDataSource auditPool,
            HikariDataSource turnsPool) {
        this.embedded = embedded;
        this.target = target;
        this.appPool = appPool;
        this.auditPool = auditPool;
        this.turnsPool = turnsPool;
        this.app = dbClient(appPool);
        this.audit = dbClient(auditPool);
        this.turns = dbClient(turnsPool);
    }

    /** Connects (starting the embedded database when none is configured) and migrates the schema. */
    public static MaskerDatabase open(MaskerConfig config) {
        MaskerConfig.Database settings = config.database();
        Optional<EmbeddedDatabase> embedded = settings.external().isPresent()
                ? Optional.empty()
                : Optional.of(EmbeddedDatabase.start(settings.dataDir().resolve("postgres")));
        Target target =
                settings.external().orElseGet(() -> new Target(embedded.get().jdbcUrl(), "postgres", ""));
        HikariDataSource appPool = null;
        HikariDataSource auditPool = null;
        try {
            appPool = pool("masker-app", target, settings.schema(), settings.poolSize(), false);
            AgentMigrations.migrate(appPool, settings.schema());
            AuditMigrations.migrate(appPool, settings.schema());
            auditPool = pool("masker-audit", target, settings.schema(), AUDIT_POOL_SIZE, false);
            return new MaskerDatabase(
                    embedded,
                    target,
                    appPool,
                    auditPool,
                    pool("masker-turns", target, settings.schema(), settings.poolSize(), true));
        } catch (RuntimeException e) {
            if (auditPool != null) {
                auditPool.close();
            }
            if (appPool != null) {
                appPool.close();
            }
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    /** The client for agents, the API and readiness. */
    public DbClient app() {
        return app;
    }

    /** The client for the audit writer and verifier. */
    public DbClient audit() {
        return audit;
    }

    /** The client for the proxy's per-turn writes (token vault, sessions), committing without waiting for the disk. */
    public DbClient turns() {
        return turns;
    }

    /** A connection of its own, outside the pools, for a listener that holds it as long as it works. */
    public Connection openDedicatedConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(target.url(), properties);
    }

    /** Whether the database is the embedded one. */
    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    /**
     * The key {@code MASKER_CURSOR_KEY}, from which the list-cursor key is derived: the configured one, or — with the
     * embedded database only — one made at first start and kept beside it in the data directory (readable by its owner
     * only). A data directory made before the variable's rename keeps its key in {@code fingerprint.key}, which is read.
     */
    public static byte[] cursorKey(MaskerConfig config) {
        if (config.keys().cursorKey().isPresent()) {
            return config.keys().cursorKey().get();
        }
        Path old = config.database().dataDir().resolve("fingerprint.key");
        Path current = config.database().dataDir().resolve("cursor.key");
        return keyFile(Files.exists(old) && !Files.exists(current) ? old : current);
    }

    /**
     * The token keys: the configured ones and — with the embedded database only — for every policy kid without a
     * configured key, one made at first start and kept in {@code keys/<KID>.key} in the data directory (readable by its
     * owner only). With an external database the configuration already refused to start without them.
     */
    public static KeyRing tokenKeys(MaskerConfig config) {
        KeyRing configured = config.keys().tokenKeys();
        List<Kid> missing = configured.missing(config.policies().kids());
        if (missing.isEmpty() || config.database().external().isPresent()) {
            return configured;
        }
        Map<Kid, KeyRing.Keys> keys = new HashMap<>();
        configured.kids().forEach(kid -> keys.put(kid, configured.require(kid)));
        for (Kid kid : missing) {
            keys.put(
                    kid,
                    new KeyRing.Keys(
                            keyFile(config.database().dataDir().resolve("keys").resolve(kid.value() + ".key")),
                            Optional.empty()));
        }
        return KeyRing.of(keys);
    }

    /** The 32-byte key in the file, made (random, owner-only) when the file does not exist yet. */
    private static byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length != 32) {
                    throw new IllegalStateException(file + " must hold exactly 32 bytes; remove it to make a new key");
                }
                return key;
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("the key file " + file + " cannot be used", e);
        }
    }

    private static HikariDataSource pool(String name, Target target, String schema, int size, boolean asyncCommit) {
        HikariConfig hikari = new HikariConfig();
        if (asyncCommit) {
            hikari.setConnectionInitSql("SET synchronous_commit TO off");
        }
        hikari.setPoolName(name);
        hikari.setJdbcUrl(target.url());
        hikari.setUsername(target.user());
        hikari.setPassword(target.password());
        hikari.setSchema(schema);
        hikari.setMaximumPoolSize(size);
        // Fail fast when the database is gone: callers answer 503 instead of hanging.
        hikari.setConnectionTimeout(2000);
        hikari.setValidationTimeout(1000);
        hikari.setInitializationFailTimeout(10_000);
        hikari.addDataSourceProperty("connectTimeout", "2");
        hikari.addDataSourceProperty("socketTimeout", "30");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(hikari);
    }

    private static DbClient dbClient(HikariDataSource pool) {
        return JdbcClientBuilder.create()
                .connectionPool(() -> {
                    try {
                        return pool.getConnection();
                    } catch (SQLException e) {
                        throw new IllegalStateException("no database connection", e);
                    }
                })
                .build();
    }

    /**
     * Reports the pools to the registry as {@code hikaricp_connections_*} (active, idle, pending, max, ...), labelled
     * {@code pool="masker-app"}, {@code "masker-audit"} and {@code "masker-turns"}. HikariCP accepts this once, on a
     * running pool.
     */
    public void recordPoolMetrics(MeterRegistry registry) {
        appPool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        auditPool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        turnsPool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /** Closes the pools, then stops the embedded database if there is one. */
    @Override
    public void close() {
        turnsPool.close();
        auditPool.close();
        appPool.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
