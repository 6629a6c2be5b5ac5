package dev.masker.adapters.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings this adapter's tables (agents, admin sign-in sessions, the token vault) up to date with Flyway; safe to run on
 * every start and from several instances.
 */
public final class AgentMigrations {
    private AgentMigrations() {}

    /** Applies the pending migrations to the schema, creating it if needed. */
    public static void migrate(DataSource dataSource, String schema) {
        Flyway.configure(AgentMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .table("masker_agent_schema_history")
                .locations("classpath:dev/masker/adapters/persistence/migration")
                // Agents and audit keep separate histories in one schema: whichever migrates second finds the schema
                // in use, so it baselines below its first migration instead of skipping it.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
