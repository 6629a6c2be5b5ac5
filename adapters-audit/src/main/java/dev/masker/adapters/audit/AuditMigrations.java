package dev.masker.adapters.audit;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the audit log's schema up to date with Flyway, in its own history table; safe on every start. */
public final class AuditMigrations {
    private AuditMigrations() {}

    /** Applies the pending migrations to the schema, creating it if needed. */
    public static void migrate(DataSource dataSource, String schema) {
        Flyway.configure(AuditMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .table("masker_audit_schema_history")
                .locations("classpath:dev/masker/adapters/audit/migration")
                // Agents and audit keep separate histories in one schema: whichever migrates second finds the schema
                // in use, so it baselines below its first migration instead of skipping it.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
