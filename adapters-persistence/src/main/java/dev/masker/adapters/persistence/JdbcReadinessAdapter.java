package dev.masker.adapters.persistence;

import dev.masker.application.port.out.ProbeReadinessPort;
import io.helidon.dbclient.DbClient;
import java.util.Objects;

/** Readiness of the database: it answers {@code SELECT 1}. */
public final class JdbcReadinessAdapter implements ProbeReadinessPort {
    private final DbClient db;

    public JdbcReadinessAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean isReady() {
        // A second try: after an outage the first borrowed connection may be one the database already dropped, and the
        // pool only discards it when it fails. Two failures in a row mean the database does not answer.
        return answers() || answers();
    }

    private boolean answers() {
        try {
            return db.execute().get("SELECT 1 AS ok").isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
