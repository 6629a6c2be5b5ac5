/**
 * Driven adapters for what Masker keeps: its stores in PostgreSQL (agents, admin sign-in sessions, proxy sessions, the
 * token vault) through Helidon DbClient over JDBC, with Flyway migrations; the policies' YAML documents; and MSK1
 * tokens, which keep their original inside the token instead of in the vault.
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
    // MSK1's AES-SIV (persistence.msk1). Tink has no descriptor; this is the Automatic-Module-Name of its manifest.
    requires com.google.crypto.tink;

    exports dev.masker.adapters.persistence to
            dev.masker.bootstrap;
    exports dev.masker.adapters.persistence.msk1 to
            dev.masker.bootstrap;
    exports dev.masker.adapters.persistence.policy to
            dev.masker.bootstrap;

    // Flyway finds the SQL migrations by scanning this package's resources.
    opens dev.masker.adapters.persistence.migration;
}
