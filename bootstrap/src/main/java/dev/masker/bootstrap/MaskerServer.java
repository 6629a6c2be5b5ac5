package dev.masker.bootstrap;

import dev.masker.adapters.audit.AuditCallCountAdapter;
import dev.masker.adapters.audit.AuditChainReaderAdapter;
import dev.masker.adapters.audit.AuditChainVerifierAdapter;
import dev.masker.adapters.audit.AuditScopeAdapter;
import dev.masker.adapters.audit.ChainedAuditAdapter;
import dev.masker.adapters.http.AccessLogFilter;
import dev.masker.adapters.http.AdminAuthentication;
import dev.masker.adapters.http.DirectErrorHandler;
import dev.masker.adapters.http.Http10ConnectionSelector;
import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.adapters.http.MaskerRouting;
import dev.masker.adapters.http.RequestBodies;
import dev.masker.adapters.http.RequestIdFilter;
import dev.masker.adapters.http.ShutdownDrain;
import dev.masker.adapters.http.agents.AgentsHttpAdapter;
import dev.masker.adapters.http.audit.AuditHttpAdapter;
import dev.masker.adapters.http.auth.AuthHttpAdapter;
import dev.masker.adapters.http.health.HealthHttpAdapter;
import dev.masker.adapters.http.metrics.HttpMetricsFilter;
import dev.masker.adapters.http.metrics.MetricsHttpAdapter;
import dev.masker.adapters.http.openapi.OpenApiHttpAdapter;
import dev.masker.adapters.http.proxy.ProxyHttpAdapter;
import dev.masker.adapters.http.reports.ReportsHttpAdapter;
import dev.masker.adapters.http.sessions.SessionsHttpAdapter;
import dev.masker.adapters.http.upstream.OpenAiChatUpstreamAdapter;
import dev.masker.adapters.http.upstream.RoutingChatUpstreamAdapter;
import dev.masker.adapters.http.upstream.StubChatUpstreamAdapter;
import dev.masker.adapters.http.vapi.HmacSignatureAdapter;
import dev.masker.adapters.http.vapi.HttpConfigCallbackAdapter;
import dev.masker.adapters.http.vapi.HttpVapiRelayAdapter;
import dev.masker.adapters.http.vapi.JacksonVapiMessageAdapter;
import dev.masker.adapters.http.vapi.VapiWebhookHttpAdapter;
import dev.masker.adapters.persistence.AgentChangeListener;
import dev.masker.adapters.persistence.JdbcAdminSessionAdapter;
import dev.masker.adapters.persistence.JdbcAgentAdapter;
import dev.masker.adapters.persistence.JdbcProxySessionAdapter;
import dev.masker.adapters.persistence.JdbcReadinessAdapter;
import dev.masker.adapters.persistence.JdbcSessionsAdapter;
import dev.masker.adapters.persistence.JdbcTokenVaultAdapter;
import dev.masker.adapters.persistence.JdbcTurnPayloadAdapter;
import dev.masker.adapters.persistence.JdbcVaultRetentionAdapter;
import dev.masker.adapters.persistence.msk1.TinkReversibleTokenAdapter;
import dev.masker.adapters.persistence.policy.YamlPolicyAdapter;
import dev.masker.application.port.out.ChatUpstreamPort;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.KeepTurnPayloadsPort;
import dev.masker.application.service.AgentMaskingPolicies;
import dev.masker.application.service.AnswerVapiMessageService;
import dev.masker.application.service.AuthenticateService;
import dev.masker.application.service.CheckReadinessService;
import dev.masker.application.service.CreateAgentService;
import dev.masker.application.service.DeleteAgentService;
import dev.masker.application.service.ExportAuditChainService;
import dev.masker.application.service.GetAgentService;
import dev.masker.application.service.GetReportService;
import dev.masker.application.service.GetSessionService;
import dev.masker.application.service.ListAgentsService;
import dev.masker.application.service.ListProxyModelsService;
import dev.masker.application.service.ListSessionsService;
import dev.masker.application.service.ProxyChatCompletionService;
import dev.masker.application.service.PurgeVaultService;
import dev.masker.application.service.SessionTokenLookup;
import dev.masker.application.service.SignInService;
import dev.masker.application.service.SignOutService;
import dev.masker.application.service.TokenBucketRateLimiter;
import dev.masker.application.service.TurnMasker;
import dev.masker.application.service.UpdateAgentService;
import dev.masker.application.service.VerifyAuditChainService;
import dev.masker.domain.admin.AdminSessionSecret;
import dev.masker.domain.admin.AdminTokens;
import dev.masker.domain.agent.AgentUrls;
import dev.masker.domain.audit.PhoneFingerprinter;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.page.PageCursors;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.TurnPayloads;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.phi.detect.PhiDetector;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http1.Http1Config;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masker, assembled: the database, the adapters, the services and the HTTP server, built by hand in one place. Closing
 * it shuts down in the safe order: stop taking requests and finish those in flight, flush the audit log, then close
 * the database.
 */
public final class MaskerServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MaskerServer.class.getName());
    private static final int MAX_RATE_LIMIT_KEYS = 100_000;
    private static final int AUDIT_QUEUE_CAPACITY = 50_000;
    /** Made-up text (no real person) that reaches every kind of recognizer once, to warm the detector at start. */
    private static final String WARM_UP_TURN =
            "Hi, this is Jane Example, born March 5th 1990; call me at (555) 010-0199 or "
                    + "jane.example@example.com. MRN: 00000000, member ID XYZ000000000. I live at 12 Example Street, Springfield, "
                    + "IL 62701. My SSN is 000-00-0000, I am 45, and my card ends 0000. Visit https://example.com from 192.0.2.1.";

    private static final int WARM_UP_ROUNDS = 20;
    /** Runs each proxied turn's vault write beside its upstream call, one virtual thread per write. */
    private static final Executor VAULT_WRITES =
            task -> Thread.ofVirtual().name("vault-write").start(task);

    private final MaskerConfig config;
    private final MaskerDatabase database;
    private final MaskerMetrics metrics;
    private final ChainedAuditAdapter audit;
    private final OutboundCalls outbound;
    private final AgentChangeListener agentChanges;
    private final WebServer server;
    private final List<HttpService> httpServices;
    private final PhiTokens phiTokens;
    private final ShutdownDrain drain;
    private final VaultRetention retention;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MaskerServer(
            MaskerConfig config,
            MaskerDatabase database,
            MaskerMetrics metrics,
            ChainedAuditAdapter audit,
            OutboundCalls outbound,
            AgentChangeListener agentChanges,
            WebServer server,
            ShutdownDrain drain,
            List<HttpService> httpServices,
            PhiTokens phiTokens,
            VaultRetention retention) {
        this.drain = drain;
        this.retention = retention;
        this.agentChanges = agentChanges;
        this.phiTokens = phiTokens;
        this.config = config;
        this.database = database;
        this.metrics = metrics;
        this.audit = audit;
        this.outbound = outbound;
        this.server = server;
        this.httpServices = httpServices;
    }

    /** Builds everything and starts serving. */
    public static MaskerServer start(MaskerConfig config, Clock clock) {
        LogLevels.apply(config.server().logLevel());
        // Before the database: a second Masker on the same port would otherwise fail on the embedded data directory
        // the first one holds, with a message that does not say what to change.
        ensurePortFree(config.server().host(), config.server().port());
        MaskerDatabase database = MaskerDatabase.open(config);
        MaskerMetrics metrics = new MaskerMetrics();
        ChainedAuditAdapter audit = null;
        OutboundCalls outbound = null;
        AgentChangeListener agentChanges = null;
        try {
            // DRBG: a cryptographic generator that does not read /dev/urandom on every id, as NativePRNG does.
            SecureRandom random = drbg();
            IdGeneratorPort ids = () -> Ulid.generate(clock.instant(), random);
            JsonCodec json = new JsonCodec();
            RequestBodies bodies = new RequestBodies(config.limits().maxBodyBytes());
            AgentUrls urls = new AgentUrls(config.server().publicUrl());
            byte[] cursorKeySeed = MaskerDatabase.cursorKey(config);
            KeyRing tokenKeys = MaskerDatabase.tokenKeys(config);
            VaultTokens vaultTokens = new VaultTokens(tokenKeys, random);
            PhiTokens phiTokens = phiTokens(tokenKeys, vaultTokens, database, clock);
            // Turn payloads, kept only for policies with log_payloads: true, sealed under the policy's kid (issue 13).
            KeepTurnPayloadsPort turnPayloads =
                    new JdbcTurnPayloadAdapter(database.turns(), new TurnPayloads(tokenKeys, random));

            database.recordPoolMetrics(metrics.registry());
            JdbcAgentAdapter agents =
                    new JdbcAgentAdapter(database.app(), config.database().agentCacheTtl(), System::nanoTime);
            agentChanges = new AgentChangeListener(agents, database::openDedicatedConnection);
            audit = new ChainedAuditAdapter(
                    database.audit(),
                    config.audit().batchSize(),
                    AUDIT_QUEUE_CAPACITY,
                    config.audit().timeout(),
                    metrics.auditBatches());
            outbound = new OutboundCalls(
                    new HttpConfigCallbackAdapter(json, clock), new HttpVapiRelayAdapter(json, clock));

            JdbcProxySessionAdapter proxySessions = new JdbcProxySessionAdapter(database.turns());
            AuditCallCountAdapter auditStats = new AuditCallCountAdapter(database.audit());
            AnswerVapiMessageService vapiMessages = new AnswerVapiMessageService(
                    new AnswerVapiMessageService.Ports(
                            new TokenBucketRateLimiter(
                                    config.limits().webhook().perSecond(),
                                    config.limits().webhook().burst(),
                                    MAX_RATE_LIMIT_KEYS,
                                    System::nanoTime),
                            new HmacSignatureAdapter(
                                    config.credentials().webhook().credentials(),
                                    config.credentials().signatureTolerance(),
                                    clock),
                            new JacksonVapiMessageAdapter(json),
                            agents,
                            outbound.callbacks(),
                            audit,
                            proxySessions,
                            auditStats,
                            outbound.relays(),
                            ids),
                    clock,
                    // The caller's fingerprint is the number's MSKV1 PHONE token value under the healthcare kid.
                    new PhoneFingerprinter(vaultTokens, MaskingPolicy.HEALTHCARE_KID),
                    urls,
                    config.credentials().signatureTolerance());
            Set<String> policies = config.policies().byName().keySet();
            YamlPolicyAdapter policyReader = new YamlPolicyAdapter();
            // A custom policy is accepted only for a kid this server holds a key for (checked at create and update).
            Predicate<Kid> hasKey = kid -> tokenKeys.missing(List.of(kid)).isEmpty();
            AgentsHttpAdapter.AgentUseCases agentUseCases = new AgentsHttpAdapter.AgentUseCases(
                    new CreateAgentService(agents, audit, ids, clock, policies, policyReader, hasKey),
                    new ListAgentsService(agents, new PageCursors(cursorKey(cursorKeySeed))),
                    new GetAgentService(agents, auditStats, clock),
                    new UpdateAgentService(agents, agents, audit, ids, clock, policies, policyReader, hasKey),
                    new DeleteAgentService(agents, audit, ids, clock));
            // The upstream LLM (SPEC §7): agents' openai:<model> turns go to the configured OpenAI-compatible endpoint,
            // stub turns to the built-in stub model.
            ChatUpstreamPort upstream = new RoutingChatUpstreamAdapter(
                    new OpenAiChatUpstreamAdapter(config.upstream(), json), new StubChatUpstreamAdapter(clock));
            ProxyChatCompletionService proxy = new ProxyChatCompletionService(
                    new ProxyChatCompletionService.Collaborators(
                            agents,
                            new TokenBucketRateLimiter(
                                    config.limits().proxy().perSecond(),
                                    config.limits().proxy().burst(),
                                    MAX_RATE_LIMIT_KEYS,
                                    System::nanoTime),
                            proxySessions,
                            new AgentMaskingPolicies(config.policies().byName(), policyReader),
                            phiTokens.turnMasker(),
                            phiTokens.sessionTokens(),
                            upstream,
                            audit,
                            ids,
                            turnPayloads),
                    VAULT_WRITES,
                    clock,
                    System::nanoTime);
            // Reports (issue 13) read the audit log on the API's pool: a long report must not hold the audit writer's.
            GetReportService reports = new GetReportService(
                    agents,
                    new AuditScopeAdapter(database.app()),
                    config.policies().byName(),
                    policyReader,
                    ids,
                    clock);
            CheckReadinessService readiness =
                    new CheckReadinessService(List.of(new JdbcReadinessAdapter(database.app())));

            // Admin API authentication (issue 3): bearer token or sign-in session cookie, rate limited per principal.
            AdminTokens adminTokens = AdminTokens.of(config.credentials().adminTokens());
            JdbcAdminSessionAdapter adminSessions = new JdbcAdminSessionAdapter(database.app());
            AdminAuthentication adminAuthentication = new AdminAuthentication(new AuthenticateService(
                    adminTokens,
                    adminSessions,
                    new TokenBucketRateLimiter(
                            config.limits().api().perSecond(),
                            config.limits().api().burst(),
                            MAX_RATE_LIMIT_KEYS,
                            System::nanoTime),
                    clock));
            AuthHttpAdapter auth = new AuthHttpAdapter(
                    new SignInService(
                            adminTokens, adminSessions, () -> AdminSessionSecret.generate(random), audit, ids, clock),
                    new SignOutService(adminSessions, audit, ids, clock),
                    bodies,
                    json);

            // The chain's verdict and export (issue 13) read through the app pool: the audit pool's two connections are
            // the writer's, and a long check or a slow client taking an export must not hold up appends.
            AuditHttpAdapter auditChain = new AuditHttpAdapter(
                    new VerifyAuditChainService(new AuditChainVerifierAdapter(database.app()), clock),
                    new ExportAuditChainService(new AuditChainReaderAdapter(database.app())),
                    json);

            DirectErrorHandler directErrors = new DirectErrorHandler(ids, json);
            ShutdownDrain drain = new ShutdownDrain();
            MaskerRouting routing = new MaskerRouting(
                    new RequestIdFilter(ids),
                    List.of(new AccessLogFilter(), new HttpMetricsFilter(metrics.registry())),
                    new HttpErrorMapper(json),
                    adminAuthentication,
                    List.of(
                            new MetricsHttpAdapter(
                                    metrics.registry(), config.credentials().metricsTokens()),
                            new VapiWebhookHttpAdapter(vapiMessages, bodies, json),
                            new ProxyHttpAdapter(proxy, new ListProxyModelsService(agents), bodies, json),
                            new OpenApiHttpAdapter(),
                            new AgentsHttpAdapter(agentUseCases, bodies, json, urls),
                            sessionsApi(database, turnPayloads, cursorKey(cursorKeySeed), clock, json),
                            new ReportsHttpAdapter(reports, json),
                            auth,
                            auditChain,
                            new HealthHttpAdapter(readiness, json)),
                    drain);
            int maxConnections = config.server().listener().connectionsForThisProcess();
            if (config.server().listener().maxConnections() > maxConnections) {
                LOG.log(
                        Level.WARNING,
                        "MASKER_MAX_CONNECTIONS is {0}, but the file-descriptor limit leaves room for {1}"
                                + " connections only; holding at most {1} (raise the limit with `ulimit -n`)",
                        config.server().listener().maxConnections(),
                        maxConnections);
            }
            WebServer server = WebServer.builder()
                    .host(config.server().host())
                    .port(config.server().port())
                    // Never more connections than the free file descriptors allow (ListenerLimits): Helidon's listener
                    // stops for good when accept fails for want of one. Connections past the limit wait in the backlog.
                    .maxTcpConnections(maxConnections)
                    .idleConnectionTimeout(config.server().listener().idleTimeout())
                    .idleConnectionPeriod(config.server().listener().idleCheckPeriod())
                    .shutdownHook(false)
                    .shutdownGracePeriod(config.server().shutdownGrace())
                    // Streamed answers go out a chunk per write; with Nagle's algorithm each small write after the
                    // first
                    // waited for the client's delayed ACK (up to 40 ms on Linux), per stream, in a voice call's path.
                    .connectionOptions(socket -> socket.tcpNoDelay(true))
                    // What the web server refuses before routing gets Masker's error body and a request id too.
                    .directHandlers(directHandlers(directErrors))
                    // HTTP/1.0 too (nginx proxies with it by default): Masker's selector replaces Helidon's HTTP/1.1
                    // one.
                    .protocolsDiscoverServices(false)
                    .addConnectionSelector(new Http10ConnectionSelector(Http1Config.create()))
                    .routing(routing::configure)
                    .build()
                    .start();
            if (server.port() < 0) {
                // Helidon logs the bind failure and goes on without a listener; Masker must not.
                server.stop();
                throw new PortInUseException(
                        config.server().host(), config.server().port());
            }
            LOG.log(
                    Level.INFO,
                    "Holding at most {0} client connections; idle ones close after {1} s",
                    maxConnections,
                    config.server().listener().idleTimeout().toSeconds());
            // The vault's retention (issue 13): purged now and every day, the audit log recording each purge.
            VaultRetention retention = VaultRetention.start(new PurgeVaultService(
                    new JdbcVaultRetentionAdapter(database.turns()),
                    audit,
                    ids,
                    clock,
                    config.database().retentionDays()));
            return new MaskerServer(
                    config,
                    database,
                    metrics,
                    audit,
                    outbound,
                    agentChanges,
                    server,
                    drain,
                    routing.services(),
                    phiTokens,
                    retention);
        } catch (RuntimeException e) {
            if (agentChanges != null) {
                agentChanges.close();
            }
            if (audit != null) {
                audit.close();
            }
            if (outbound != null) {
                outbound.close();
            }
            database.close();
            metrics.close();
            throw e;
        }
    }

    /**
     * Tokens (SPEC §6): MSKV1 with the JDK's primitives and the vault in PostgreSQL, MSK1 with Tink's AES-SIV; masking
     * with the detector and the census name lists, and rehydration over the same keys and vault.
     */
    private static PhiTokens phiTokens(KeyRing keys, VaultTokens vaultTokens, MaskerDatabase database, Clock clock) {
        JdbcTokenVaultAdapter vault = new JdbcTokenVaultAdapter(database.turns());
        TinkReversibleTokenAdapter reversible = new TinkReversibleTokenAdapter(keys);
        PhiDetector detector = PhiDetector.withBundledNameLists();
        // The first detection loads and compiles every recognizer (about 0.2 s measured on the first proxied turn after
        // a
        // start); it is done here, on made-up text, rather than on a caller's first turn.
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            detector.detect(WARM_UP_TURN);
        }
        TurnMasker masker = new TurnMasker(detector, vaultTokens, vault, reversible, clock, System::nanoTime);
        return new PhiTokens(masker, new SessionTokenLookup(vaultTokens, vault, reversible));
    }

    /** The sessions API (SPEC §8), read from the proxy's sessions and the audit log's record of their turns. */
    private static SessionsHttpAdapter sessionsApi(
            MaskerDatabase database, KeepTurnPayloadsPort turnPayloads, byte[] cursorKey, Clock clock, JsonCodec json) {
        JdbcSessionsAdapter sessions = new JdbcSessionsAdapter(database.app());
        ListSessionsService list = new ListSessionsService(sessions, new PageCursors(cursorKey), clock);
        return new SessionsHttpAdapter(list, list, new GetSessionService(sessions, turnPayloads), json);
    }

    /** The one handler for every kind of error the web server answers by itself. */
    private static DirectHandlers directHandlers(DirectErrorHandler handler) {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    /** Fails with {@link PortInUseException} when something already listens on the host and port (0: any port). */
    private static void ensurePortFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new PortInUseException(host, port);
        }
    }

    /** A key for signing list cursors, derived from {@code MASKER_CURSOR_KEY}, never that key itself. */
    private static byte[] cursorKey(byte[] seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            return mac.doFinal("masker/list-cursor/v1".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** The database the server works on. */
    MaskerDatabase database() {
        return database;
    }

    /** The port the server listens on (useful when it was started on port 0). */
    public int port() {
        return server.port();
    }

    /** Every HTTP service the server routes to; the route agreement test compares their routes with the OpenAPI document. */
    List<HttpService> httpServices() {
        return httpServices;
    }

    /** The server's masker and token lookup, which the proxy (SPEC §7) uses; tests mask and rehydrate texts with them. */
    public PhiTokens phiTokens() {
        return phiTokens;
    }

    public MaskerConfig config() {
        return config;
    }

    public boolean usesEmbeddedDatabase() {
        return database.isEmbedded();
    }

    /** Done once the vault's first retention purge after the start has run. */
    CompletableFuture<Void> firstRetentionPurge() {
        return retention.firstRun();
    }

    /** Stops taking requests and finishes those in flight, flushes the audit log, then closes the database. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.log(Level.INFO, "Masker is shutting down: finishing requests in flight");
        // For the notice period, new requests on open connections get 503 with Connection: close rather than a
        // connection closed in silence, so their clients retry elsewhere; then the listener stops.
        drain.begin();
        try {
            Thread.sleep(config.server().shutdownNotice());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        retention.close();
        audit.close();
        outbound.close();
        agentChanges.close();
        database.close();
        metrics.close();
        LOG.log(Level.INFO, "Masker stopped; the audit log is flushed");
    }
}
