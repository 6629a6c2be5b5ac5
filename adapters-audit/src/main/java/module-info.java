/** Driven adapter for the audit log: append-only, hash-chained, group-committed events in PostgreSQL, and its verifier. */
module dev.masker.adapters.audit {
    requires dev.masker.application;
    requires io.helidon.dbclient;
    requires io.helidon.dbclient.jdbc;
    requires java.sql;
    requires com.fasterxml.jackson.databind;
    // Flyway has no module descriptor; this is its automatic, file-name based module.
    requires flyway.core;

    exports dev.masker.adapters.audit to
            dev.masker.bootstrap;

    // Flyway finds the SQL migrations by scanning this package's resources.
    opens dev.masker.adapters.audit.migration;
}
