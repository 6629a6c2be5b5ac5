package dev.masker.adapters.persistence;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.masker.application.port.out.ChangeAgentPort;
import dev.masker.application.port.out.ListAgentsPort;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.ForwardTarget;
import dev.masker.domain.agent.ProxyAccess;
import dev.masker.domain.agent.ProxyKey;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.agent.WebhookCredential.Algorithm;
import dev.masker.domain.agent.WebhookCredential.Bearer;
import dev.masker.domain.agent.WebhookCredential.Hmac;
import dev.masker.domain.agent.WebhookCredential.Timestamp;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The agent repository in PostgreSQL through Helidon DbClient. Loaded agents are kept in memory for a short time (the
 * webhook looks one up on every call); agents that do not exist are never cached, so a new agent answers at once.
 * Every update or delete also sends {@code NOTIFY masker_agent_changed} with the agent's id in its transaction, so that
 * every instance's {@link AgentChangeListener} drops the agent from its cache when the change commits.
 */
public final class JdbcAgentAdapter implements LoadAgentPort, SaveAgentPort, ChangeAgentPort, ListAgentsPort {
    /** The PostgreSQL notification channel that carries the ids of changed agents. */
    public static final String CHANGE_CHANNEL = "masker_agent_changed";

    private static final String INSERT = """
            INSERT INTO agent (id, name, upstream, tokenization, policy_name, policy_yaml, assistant,
                               callback_url, callback_secret, callback_timeout_ms, proxy_key, allowed_models,
                               forward, webhook_credential, created_at, updated_at)
            VALUES (:id, :name, :upstream, :tokenization, :policy_name, :policy_yaml, CAST(:assistant AS jsonb),
                    :callback_url, :callback_secret, :callback_timeout_ms, :proxy_key,
                    CAST(:allowed_models AS jsonb), CAST(:forward AS jsonb), CAST(:webhook_credential AS jsonb),
                    :created_at, :updated_at)
            """;
    private static final String UPDATE = """
            UPDATE agent SET name = :name, upstream = :upstream, tokenization = :tokenization, policy_name = :policy_name,
                   policy_yaml = :policy_yaml, assistant = CAST(:assistant AS jsonb), callback_url = :callback_url,
                   callback_secret = :callback_secret, callback_timeout_ms = :callback_timeout_ms, proxy_key = :proxy_key,
                   allowed_models = CAST(:allowed_models AS jsonb), forward = CAST(:forward AS jsonb),
                   webhook_credential = CAST(:webhook_credential AS jsonb), updated_at = now()
            WHERE id = :id AND deleted_at IS NULL
            """;
    private static final String DELETE =
            "UPDATE agent SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL";
    private static final String NOTIFY = "SELECT pg_notify('" + CHANGE_CHANNEL + "', ?) AS sent";
    private static final String SELECT_COLUMNS = """
            SELECT id, name, upstream, tokenization, policy_name, policy_yaml, CAST(assistant AS text) AS assistant,
                   callback_url, callback_secret, callback_timeout_ms, proxy_key,
                   CAST(allowed_models AS text) AS allowed_models, CAST(forward AS text) AS forward,
                   CAST(webhook_credential AS text) AS webhook_credential, created_at
            FROM agent WHERE deleted_at IS NULL""";
    private final DbClient db;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final long cacheNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<AgentId, Cached> cache = new ConcurrentHashMap<>();
    // Until a change listener confirms it hears notifications, the cache could miss another instance's change.
    private volatile boolean cacheTrusted;
    private final AtomicLong invalidations = new AtomicLong();

    private record Cached(Agent agent, long loadedAt) {}

    /**
     * @param cacheFor how long a loaded agent is served from memory; zero turns the cache off
     */
    public JdbcAgentAdapter(DbClient db, Duration cacheFor, LongSupplier nanoTime) {
        this.db = Objects.requireNonNull(db, "db");
        this.cacheNanos = cacheFor.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public Optional<Agent> load(AgentId id) {
        long now = nanoTime.getAsLong();
        Cached cached = cache.get(id);
        if (cached != null && cacheTrusted && now - cached.loadedAt() < cacheNanos) {
            return Optional.of(cached.agent());
        }
        long generation = invalidations.get();
        Optional<Agent> agent;
        try {
            agent = db.execute()
                    .createGet(SELECT_COLUMNS + " AND id = :id")
                    .addParam("id", id.value())
                    .execute()
                    .map(this::agent);
        } catch (RuntimeException e) {
            throw translate(e);
        }
        if (cacheNanos > 0 && agent.isPresent()) {
            cache.put(id, new Cached(agent.get(), now));
            // A change invalidated while this read was under way: what was read may be stale, so it is not kept.
            if (invalidations.get() != generation) {
                cache.remove(id);
            }
        }
        return agent;
    }

    @Override
    public void create(Agent agent) {
        Map<String, Object> params = columns(agent);
        params.put("updated_at", params.get("created_at"));
        try {
            db.execute().createInsert(INSERT).params(params).execute();
        } catch (RuntimeException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                throw DomainException.of(ErrorCode.NAME_TAKEN, "A live agent already has this name.");
            }
            throw translate(e);
        }
    }

    private Map<String, Object> columns(Agent agent) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", agent.id().value());
        params.put("name", agent.name().value());
        params.put("upstream", agent.upstream().value());
        params.put("tokenization", agent.tokenization().wireName());
        params.put("policy_name", agent.policyName());
        params.put("policy_yaml", agent.customPolicyYaml().orElse(null));
        params.put("assistant", write(agent.assistantDefaults().asMap()));
        Optional<ConfigCallback> callback = agent.configCallback();
        params.put("callback_url", callback.map(c -> c.url().toString()).orElse(null));
        params.put("callback_secret", callback.map(ConfigCallback::secret).orElse(null));
        params.put(
                "callback_timeout_ms",
                callback.map(c -> (int) c.timeout().toMillis()).orElse(null));
        params.put(
                "proxy_key",
                agent.proxyAccess()
                        .key()
                        .map(ProxyKey::reveal)
                        .orElseThrow(() -> new IllegalArgumentException("an agent is stored with its proxy key")));
        params.put("allowed_models", write(agent.proxyAccess().allowedModels()));
        params.put("forward", agent.forward().map(this::forwardJson).orElse(null));
        params.put(
                "webhook_credential",
                agent.webhookCredential().map(this::credentialJson).orElse(null));
        params.put("created_at", OffsetDateTime.ofInstant(agent.createdAt(), ZoneOffset.UTC));
        return params;
    }

    @Override
    public ChangeOutcome update(Agent agent) {
        Map<String, Object> params = columns(agent);
        params.remove("created_at");
        return change(agent.id(), tx -> tx.createUpdate(UPDATE).params(params).execute());
    }

    @Override
    public ChangeOutcome delete(AgentId id, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        return change(
                id, tx -> tx.createUpdate(DELETE).params(when, when, id.value()).execute());
    }

    @Override
    public List<Agent> list(Listing listing) {
        StringBuilder sql = new StringBuilder(SELECT_COLUMNS);
        List<Object> params = new ArrayList<>();
        listing.after().ifPresent(position -> {
            sql.append(" AND (created_at, id) < (?, ?)");
            params.add(OffsetDateTime.ofInstant(position.createdAt(), ZoneOffset.UTC));
            params.add(position.id().value());
        });
        listing.nameContains().ifPresent(text -> {
            sql.append(" AND lower(name) LIKE ? ESCAPE '\\'");
            params.add("%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        });
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(listing.limit());
        try {
            return db.execute()
                    .createQuery(sql.toString())
                    .params(params)
                    .execute()
                    .map(this::agent)
                    .toList();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** Forgets one agent, when another instance changed it. */
    void forget(AgentId id) {
        invalidate(id);
    }

    private void invalidate(AgentId id) {
        // Counted before removing, so a load that read the old row sees the count move and drops what it cached.
        invalidations.incrementAndGet();
        cache.remove(id);
    }

    /** Whether cached agents may be served: only while a change listener hears every change. */
    void trustCache(boolean trusted) {
        if (!trusted) {
            invalidations.incrementAndGet();
            cache.clear();
        }
        cacheTrusted = trusted;
    }

    private ChangeOutcome change(AgentId id, java.util.function.ToLongFunction<DbTransaction> statement) {
        DbTransaction tx = null;
        try {
            tx = db.transaction();
            long rows = statement.applyAsLong(tx);
            if (rows > 0) {
                // Delivered to every listening instance when the transaction commits, not before.
                tx.createQuery(NOTIFY).params(id.value()).execute().count();
            }
            tx.commit();
            invalidate(id);
            return rows > 0 ? new ChangeOutcome.Changed() : new ChangeOutcome.NotFound();
        } catch (RuntimeException e) {
            if (tx != null) {
                try {
                    tx.rollback();
                } catch (RuntimeException ignored) {
                    // The connection is gone with the transaction.
                }
            }
            if (SqlFailures.isUniqueViolation(e)) {
                throw DomainException.of(ErrorCode.NAME_TAKEN, "A live agent already has this name.");
            }
            throw translate(e);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Agent agent(DbRow row) {
        try {
            return restore(row);
        } catch (DomainException rejected) {
            // A stored field that the value objects refuse is damage (or a rule tightened since it was stored), never
            // the
            // caller's fault: a 500 like any unreadable row, not the 422 the same value gets when a request sends it.
            throw corrupt(
                    rejected.details().isEmpty()
                            ? "field"
                            : rejected.details().getFirst().field());
        }
    }

    private Agent restore(DbRow row) {
        String callbackUrl = row.column("callback_url").get(String.class);
        Optional<ConfigCallback> callback = callbackUrl == null
                ? Optional.empty()
                : Optional.of(new ConfigCallback(
                        URI.create(callbackUrl),
                        row.column("callback_secret").get(String.class),
                        Duration.ofMillis(row.column("callback_timeout_ms").get(Integer.class))));
        String upstream = row.column("upstream").get(String.class);
        String tokenization = row.column("tokenization").get(String.class);
        return Agent.restore(
                        AgentId.parse(row.column("id").get(String.class)).orElseThrow(() -> corrupt("id")),
                        new AgentName(row.column("name").get(String.class)),
                        Upstream.parse(upstream).orElseThrow(() -> corrupt("upstream")),
                        Tokenization.parse(tokenization).orElseThrow(() -> corrupt("tokenization")),
                        row.column("policy_name").get(String.class),
                        AssistantConfig.of(read(row.column("assistant").get(String.class))),
                        callback,
                        SqlTimes.instant(row.column("created_at").get()).orElseThrow(() -> corrupt("created_at")))
                .withPolicy(
                        row.column("policy_name").get(String.class),
                        Optional.ofNullable(row.column("policy_yaml").get(String.class)))
                .withProxyAccess(new ProxyAccess(
                        Optional.of(ProxyKey.restore(row.column("proxy_key").get(String.class))),
                        models(row.column("allowed_models").get(String.class))))
                .withForward(Optional.ofNullable(row.column("forward").get(String.class))
                        .map(this::forward))
                .withWebhookCredential(
                        Optional.ofNullable(row.column("webhook_credential").get(String.class))
                                .map(this::credential));
    }

    private String forwardJson(ForwardTarget target) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("url", target.url().toString());
        fields.put("secret", target.secret());
        fields.put("timeout_ms", target.timeout().toMillis());
        fields.put("messages", target.messages().stream().sorted().toList());
        return write(fields);
    }

    private ForwardTarget forward(String stored) {
        try {
            JsonNode node = json.readTree(stored);
            Set<String> messages = new HashSet<>();
            node.path("messages").forEach(type -> messages.add(type.asText()));
            return new ForwardTarget(
                    URI.create(node.path("url").asText()),
                    node.path("secret").asText(),
                    Duration.ofMillis(node.path("timeout_ms").asLong()),
                    messages);
        } catch (JacksonException | IllegalArgumentException | DomainException e) {
            throw corrupt("forward");
        }
    }

    private String credentialJson(WebhookCredential credential) {
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (credential) {
            case Hmac hmac -> {
                fields.put("type", "hmac");
                fields.put("secret", hmac.secret());
                fields.put("secret_is_base64", hmac.secretIsBase64());
                fields.put("algorithm", hmac.algorithm().wireName());
                fields.put("signature_header", hmac.signatureHeader());
                fields.put("signature_prefix", hmac.signaturePrefix().orElse(null));
                fields.put("include_timestamp", hmac.timestamp() == Timestamp.REQUIRED);
                fields.put("timestamp_header", hmac.timestampHeader());
            }
            case Bearer bearer -> {
                fields.put("type", "bearer");
                fields.put("token", bearer.token());
                fields.put("header", bearer.header());
            }
        }
        return write(fields);
    }

    private WebhookCredential credential(String stored) {
        try {
            JsonNode node = json.readTree(stored);
            return switch (node.path("type").asText()) {
                case "hmac" ->
                    new Hmac(
                            node.path("secret").asText(),
                            node.path("secret_is_base64").asBoolean(),
                            Algorithm.named(node.path("algorithm").asText())
                                    .orElseThrow(() -> corrupt("webhook_credential")),
                            node.path("signature_header").asText(),
                            Optional.ofNullable(node.path("signature_prefix").textValue()),
                            node.path("include_timestamp").asBoolean() ? Timestamp.REQUIRED : Timestamp.NONE,
                            node.path("timestamp_header").asText());
                case "bearer" ->
                    new Bearer(node.path("token").asText(), node.path("header").asText());
                default -> throw corrupt("webhook_credential");
            };
        } catch (JacksonException | IllegalArgumentException | DomainException e) {
            throw corrupt("webhook_credential");
        }
    }

    private String write(Object jsonValue) {
        try {
            return json.writeValueAsString(jsonValue);
        } catch (JacksonException e) {
            throw new IllegalStateException("an agent's field could not be written as JSON", e);
        }
    }

    private List<String> models(String allowedModels) {
        try {
            return List.of(json.readValue(allowedModels, String[].class));
        } catch (JacksonException e) {
            throw corrupt("allowed_models");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String assistant) {
        try {
            return json.readValue(assistant, Map.class);
        } catch (JacksonException e) {
            throw corrupt("assistant");
        }
    }

    private static IllegalStateException corrupt(String column) {
        return new IllegalStateException("stored agent has an unreadable " + column);
    }

    private static RuntimeException translate(RuntimeException failure) {
        if (SqlFailures.isUnavailable(failure)) {
            return SqlFailures.unavailable();
        }
        // Never the driver's message: PostgreSQL quotes offending values in it.
        return new IllegalStateException("agent statement failed with SQL state "
                + SqlFailures.sqlState(failure).orElse("unknown"));
    }
}
