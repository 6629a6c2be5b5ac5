package dev.masker.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.ForwardTarget;
import dev.masker.domain.agent.ProxyAccess;
import dev.masker.domain.agent.ProxyKey;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.agent.WebhookCredential.Algorithm;
import dev.masker.domain.agent.WebhookCredential.Timestamp;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.testsupport.ports.AgentRepositoryContractTest;
import dev.masker.testsupport.postgres.TestPostgres;
import io.helidon.dbclient.DbClient;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent repository contract and the read cache, held by {@link JdbcAgentAdapter} on a real PostgreSQL. */
class JdbcAgentAdapterIT extends AgentRepositoryContractTest {
    private static final Duration TTL = Duration.ofSeconds(5);
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

    /** Every load goes through an adapter with an empty cache, so a round trip really reads the database. */
    @Override
    protected LoadAgentPort loadPort() {
        return new JdbcAgentAdapter(schema.db(), TTL, System::nanoTime);
    }

    @Override
    protected SaveAgentPort savePort() {
        return new JdbcAgentAdapter(schema.db(), TTL, System::nanoTime);
    }

    @Test
    void givenAgentLoadedWithinTtl_load_servesItFromMemoryThenRereadsAfterTtl() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000);
        AtomicInteger connections = new AtomicInteger();
        DbClient counted = TestPostgres.dbClient(() -> {
            connections.incrementAndGet();
            return schema.pool().getConnection();
        });
        JdbcAgentAdapter adapter = new JdbcAgentAdapter(counted, TTL, nanos::get);
        adapter.trustCache(true);
        Agent agent = agent(newId(), uniqueName("Cached"));
        adapter.create(agent);
        assertEquals(
                Agent.DEFAULT_POLICY, adapter.load(agent.id()).orElseThrow().policyName());
        int afterFirstLoad = connections.get();
        // Changed behind the adapter's back: only a read of the database can see it.
        try (Connection connection = schema.connect();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE agent SET policy_name = ? WHERE id = ?")) {
            update.setString(1, "changed-policy");
            update.setString(2, agent.id().value());
            assertEquals(1, update.executeUpdate());
        }

        nanos.addAndGet(TTL.toNanos() - 1);
        String withinTtl = adapter.load(agent.id()).orElseThrow().policyName();
        int afterCachedLoad = connections.get();
        nanos.addAndGet(1);
        String atTtl = adapter.load(agent.id()).orElseThrow().policyName();

        assertEquals(Agent.DEFAULT_POLICY, withinTtl);
        assertEquals(afterFirstLoad, afterCachedLoad, "connections taken by a load within the TTL");
        assertEquals("changed-policy", atTtl);
        assertTrue(connections.get() > afterCachedLoad, "a load after the TTL reads the database");
    }

    @Test
    void givenUnknownAgentLoaded_createThenLoad_findsItAtOnce() {
        AtomicLong frozen = new AtomicLong();
        JdbcAgentAdapter adapter = new JdbcAgentAdapter(schema.db(), TTL, frozen::get);
        Agent agent = agent(newId(), uniqueName("Brand new"));

        boolean foundBefore = adapter.load(agent.id()).isPresent();
        adapter.create(agent);

        assertEquals(false, foundBefore);
        assertEquals(agent.id(), adapter.load(agent.id()).orElseThrow().id());
    }

    @Test
    void givenAnAgentWithProxyAccess_createUpdateAndLoad_roundTripTheKeyAndAllowedModels() {
        JdbcAgentAdapter adapter = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
        Agent agent = agent(newId(), uniqueName("Proxied"))
                .withProxyAccess(
                        new ProxyAccess(Optional.of(ProxyKey.of(filled(7))), List.of("gpt-4o", "gpt-4.1-mini")));

        adapter.create(agent);
        ProxyAccess created = loadPort().load(agent.id()).orElseThrow().proxyAccess();
        Agent changed = agent.withProxyAccess(new ProxyAccess(Optional.of(ProxyKey.of(filled(8))), List.of("o3")));
        adapter.update(changed);
        ProxyAccess updated = loadPort().load(agent.id()).orElseThrow().proxyAccess();

        assertEquals(agent.proxyAccess(), created);
        assertEquals(List.of("gpt-4o", "gpt-4.1-mini"), created.allowedModels());
        assertEquals(changed.proxyAccess(), updated);
        assertEquals(
                ProxyKey.of(filled(8)).reveal(), updated.key().orElseThrow().reveal());
        assertEquals(List.of("o3"), updated.allowedModels());
    }

    @Test
    void givenAnAgentWithItsOwnWebhookCredential_createUpdateAndLoad_roundTripEachTypeAndItsRemoval() {
        JdbcAgentAdapter adapter = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
        WebhookCredential hmac = new WebhookCredential.Hmac(
                "whsec_clinic_0123456789",
                false,
                Algorithm.SHA512,
                "X-Clinic-Signature",
                Optional.of("v1="),
                Timestamp.NONE,
                "x-clinic-time");
        WebhookCredential bearer = new WebhookCredential.Bearer("tok_clinic_0123456789", "X-Vapi-Secret");
        Agent agent = agent(newId(), uniqueName("Own credential")).withWebhookCredential(Optional.of(hmac));

        adapter.create(agent);
        Optional<WebhookCredential> created =
                loadPort().load(agent.id()).orElseThrow().webhookCredential();
        adapter.update(agent.withWebhookCredential(Optional.of(bearer)));
        Optional<WebhookCredential> replaced =
                loadPort().load(agent.id()).orElseThrow().webhookCredential();
        adapter.update(agent.withWebhookCredential(Optional.empty()));
        Optional<WebhookCredential> removed =
                loadPort().load(agent.id()).orElseThrow().webhookCredential();

        assertEquals(Optional.of(hmac), created);
        assertEquals(Optional.of(bearer), replaced);
        assertEquals(Optional.empty(), removed);
    }

    @Test
    void givenAnAgentWithAForwardTarget_createUpdateAndLoad_roundTripItAndItsRemoval() {
        JdbcAgentAdapter adapter = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
        ForwardTarget target = new ForwardTarget(
                URI.create("https://clinic.example.com/vapi"),
                "fw_secret_0123456789",
                Duration.ofMillis(7000),
                Set.of("end-of-call-report", "status-update"));
        Agent agent = agent(newId(), uniqueName("Forwarding")).withForward(Optional.of(target));

        adapter.create(agent);
        Optional<ForwardTarget> created =
                loadPort().load(agent.id()).orElseThrow().forward();
        adapter.update(agent.withForward(Optional.empty()));
        Optional<ForwardTarget> removed =
                loadPort().load(agent.id()).orElseThrow().forward();

        assertEquals(Optional.of(target), created);
        assertEquals(Optional.empty(), removed);
    }

    @Test
    void givenAnAgentWithoutAProxyKey_create_refusesToStoreIt() {
        JdbcAgentAdapter adapter = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
        Agent keyless = agent(newId(), uniqueName("Keyless")).withProxyAccess(ProxyAccess.NONE);

        assertThrows(IllegalArgumentException.class, () -> adapter.create(keyless));
        assertEquals(Optional.empty(), loadPort().load(keyless.id()));
    }

    @Test
    void givenAStoredNameTheRulesRefuse_load_failsAsAnUnreadableRowNotAsTheCallersMistake() throws Exception {
        Agent agent = agent(newId(), uniqueName("Damaged"));
        savePort().create(agent);
        try (Connection connection = schema.connect();
                PreparedStatement update = connection.prepareStatement("UPDATE agent SET name = ? WHERE id = ?")) {
            update.setString(1, " leading space");
            update.setString(2, agent.id().value());
            assertEquals(1, update.executeUpdate());
        }

        // A DomainException here would answer 422 validation_failed to whoever merely read the agent.
        assertThrows(IllegalStateException.class, () -> loadPort().load(agent.id()));
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[ProxyKey.RANDOM_BYTES];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void givenUnreachableDatabase_loadAndCreate_failAsUnavailable() {
        try (HikariDataSource dead = TestPostgres.unreachablePool();
                DbClient db = TestPostgres.dbClient(dead::getConnection)) {
            JdbcAgentAdapter adapter = new JdbcAgentAdapter(db, TTL, System::nanoTime);

            DomainException load = assertThrows(DomainException.class, () -> adapter.load(newId()));
            DomainException create =
                    assertThrows(DomainException.class, () -> adapter.create(agent(newId(), uniqueName("Offline"))));

            assertEquals(ErrorCode.UNAVAILABLE, load.code());
            assertEquals(ErrorCode.UNAVAILABLE, create.code());
            assertTrue(load.retryAfter().isPresent(), "an unavailable store tells the caller when to retry");
        }
    }
}
