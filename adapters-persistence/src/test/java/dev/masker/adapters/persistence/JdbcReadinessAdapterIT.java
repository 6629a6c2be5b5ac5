package dev.masker.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.masker.testsupport.postgres.TestPostgres;
import io.helidon.dbclient.DbClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The database readiness probe against a live PostgreSQL and an unreachable one. */
class JdbcReadinessAdapterIT {

    @Test
    void givenLiveDatabase_isReady_answersTrue() {
        try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
            JdbcReadinessAdapter probe = new JdbcReadinessAdapter(schema.db());

            assertTrue(probe.isReady());
            assertEquals("database", probe.name());
        }
    }

    @Test
    void givenUnreachableDatabase_isReady_answersFalseWithoutThrowing() {
        try (HikariDataSource dead = TestPostgres.unreachablePool();
                DbClient db = TestPostgres.dbClient(dead::getConnection)) {
            JdbcReadinessAdapter probe = new JdbcReadinessAdapter(db);
            long started = System.nanoTime();

            boolean ready = probe.isReady();

            assertFalse(ready);
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0,
                    "the probe answers within the pool's connection timeout");
        }
    }
}
