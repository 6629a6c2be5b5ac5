package dev.masker.adapters.persistence;

import dev.masker.application.port.out.KeepTurnPayloadsPort;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.TurnPayloads;
import dev.masker.testsupport.ports.KeepTurnPayloadsContractTest;
import dev.masker.testsupport.ports.KeepVaultEntriesContractTest;
import dev.masker.testsupport.postgres.TestPostgres;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The kept turn payloads contract, held by {@link JdbcTurnPayloadAdapter} on a real PostgreSQL. */
class JdbcTurnPayloadAdapterIT extends KeepTurnPayloadsContractTest {
    private static final TurnPayloads SEALER = new TurnPayloads(
            KeyRing.of(Map.of(
                    KeepVaultEntriesContractTest.KID,
                    new KeyRing.Keys(KeepVaultEntriesContractTest.randomKey(), Optional.empty()))),
            new SecureRandom());
    private static TestPostgres.Schema schema;

    @BeforeAll
    static void migrateFreshSchema() {
        schema = TestPostgres.freshSchema();
        AgentMigrations.migrate(schema.pool(), schema.name());
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Override
    protected KeepTurnPayloadsPort payloads() {
        return new JdbcTurnPayloadAdapter(schema.db(), SEALER);
    }
}
