package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.dbclient.DbClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three pools' settings, on the real PostgreSQL. */
class MaskerDatabaseIT {
    @Test
    void givenOpenDatabase_pools_commitDurablyExceptThePerTurnWrites() {
        try (RunningMasker masker = RunningMasker.start(Map.of())) {
            MaskerDatabase database = masker.server().database();

            assertEquals("on", synchronousCommit(database.app()), "agents and the API wait for the disk");
            assertEquals("on", synchronousCommit(database.audit()), "the audit log waits for the disk");
            assertEquals("off", synchronousCommit(database.turns()), "vault and session rows do not");
        }
    }

    private static String synchronousCommit(DbClient db) {
        return db.execute()
                .createGet("SHOW synchronous_commit")
                .execute()
                .orElseThrow()
                .column("synchronous_commit")
                .get(String.class);
    }
}
