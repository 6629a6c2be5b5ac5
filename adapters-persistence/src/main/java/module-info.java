/**
 * Driven adapters for what Masker keeps: its stores in PostgreSQL (agents, admin sign-in sessions, proxy sessions, the
 * token vault) through Helidon DbClient over JDBC, with Flyway migrations, and the policies' YAML documents.
 */
module dev.masker.adapters.persistence {
    requires dev.masker.application;
    requires io.helidon.dbclient;
    requires io.helidon.dbclient.jdbc;
    requires java.sql;
    // The driver's own API, for LISTEN/NOTIFY (automatic module of the PostgreSQL JDBC driver).
    requires org.postgresql.jdbc;
    requires com.fasterxml.jackson.databind;
    // Flyway has no module descriptor; this is its automatic, file-name based module.
    requires flyway.core;

    // Policy documents (persistence.policy): composed to nodes only, never to objects.
    requires org.snakeyaml.engine;
    // Tink has no module descriptor; this is the Automatic-Module-Name its manifest declares.
    requires com.google.crypto.tink;

    exports dev.masker.adapters.persistence to dev.masker.bootstrap;
    exports dev.masker.adapters.persistence.policy to dev.masker.bootstrap;
    exports dev.masker.adapters.persistence.tokens to dev.masker.bootstrap;

    // Flyway finds the SQL migrations by scanning this package's resources.
    opens dev.masker.adapters.persistence.migration;
}
