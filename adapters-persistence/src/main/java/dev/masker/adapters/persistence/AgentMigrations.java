package dev.masker.adapters.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the agent store's schema up to date with Flyway; safe to run on every start and from several instances. */
public final class AgentMigrations {
    private AgentMigrations() {
    }

    /** Applies the pending migrations to the schema, creating it if needed. */
    public static void migrate(DataSource dataSource, String schema) {
        Flyway.configure(AgentMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .table("masker_agent_schema_history")
                .locations("classpath:dev/masker/adapters/persistence/migration")
                .baselineOnMigrate(true)
                .load()
                .migrate();
    }
}
