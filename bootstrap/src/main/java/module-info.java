/** The composition root: reads configuration, builds the adapters and services, serves HTTP, and the CLI. */
module dev.masker.bootstrap {
    requires dev.masker.application;
    requires dev.masker.adapters.http;
    requires dev.masker.adapters.persistence;
    requires dev.masker.adapters.audit;
    requires io.helidon.webserver;
    requires io.helidon.dbclient;
    requires io.helidon.dbclient.jdbc;
    requires com.zaxxer.hikari;
    requires java.sql;
    requires java.logging;
    requires java.net.http;
    // The process's file-descriptor limit, which sizes the HTTP listener's connection limit.
    requires jdk.management;
    // sun.misc.Signal: SIGTERM ends the process with 0 once the shutdown has drained.
    requires jdk.unsupported;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    // Micrometer has no module descriptors; these are their automatic modules.
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    // zonky's embedded PostgreSQL has no module descriptor; this is its automatic module.
    requires embedded.postgres;

    exports dev.masker.bootstrap;
    // picocli fills the command classes' annotated fields reflectively.
    opens dev.masker.bootstrap.cli to
            info.picocli;
}
