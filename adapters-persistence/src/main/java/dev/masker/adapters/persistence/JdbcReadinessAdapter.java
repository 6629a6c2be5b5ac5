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
        try {
            return db.execute().get("SELECT 1 AS ok").isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
