package dev.masker.adapters.persistence;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The agent repository in PostgreSQL through Helidon DbClient. Loaded agents are kept in memory for a short time
 * (the webhook looks one up on every call); agents that do not exist are never cached, so a new agent answers at once.
 */
public final class JdbcAgentAdapter implements LoadAgentPort, SaveAgentPort {
    private static final String INSERT = """
            INSERT INTO agent (id, name, upstream, tokenization, policy_name, assistant,
                               callback_url, callback_secret, callback_timeout_ms, created_at)
            VALUES (:id, :name, :upstream, :tokenization, :policy_name, CAST(:assistant AS jsonb),
                    :callback_url, :callback_secret, :callback_timeout_ms, :created_at)
            """;
    private static final String SELECT_LIVE = """
            SELECT id, name, upstream, tokenization, policy_name, CAST(assistant AS text) AS assistant,
                   callback_url, callback_secret, callback_timeout_ms, created_at
            FROM agent WHERE id = :id AND deleted_at IS NULL
            """;

    private final DbClient db;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final long cacheNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<AgentId, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Agent agent, long loadedAt) { }

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
        if (cached != null && now - cached.loadedAt() < cacheNanos) {
            return Optional.of(cached.agent());
        }
        Optional<Agent> agent;
        try {
            agent = db.execute().createGet(SELECT_LIVE).addParam("id", id.value()).execute().map(this::agent);
        } catch (RuntimeException e) {
            throw translate(e);
        }
        if (cacheNanos > 0) {
            agent.ifPresentOrElse(found -> cache.put(id, new Cached(found, now)), () -> cache.remove(id));
        }
        return agent;
    }

    @Override
    public void create(Agent agent) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", agent.id().value());
        params.put("name", agent.name().value());
        params.put("upstream", agent.upstream().value());
        params.put("tokenization", agent.tokenization().wireName());
        params.put("policy_name", agent.policyName());
        params.put("assistant", write(agent.assistantDefaults().asMap()));
        Optional<ConfigCallback> callback = agent.configCallback();
        params.put("callback_url", callback.map(c -> c.url().toString()).orElse(null));
        params.put("callback_secret", callback.map(ConfigCallback::secret).orElse(null));
        params.put("callback_timeout_ms", callback.map(c -> (int) c.timeout().toMillis()).orElse(null));
        params.put("created_at", OffsetDateTime.ofInstant(agent.createdAt(), ZoneOffset.UTC));
        try {
            db.execute().createInsert(INSERT).params(params).execute();
        } catch (RuntimeException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                throw DomainException.of(ErrorCode.NAME_TAKEN, "A live agent already has this name.");
            }
            throw translate(e);
        }
    }

    private Agent agent(DbRow row) {
        String callbackUrl = row.column("callback_url").get(String.class);
        Optional<ConfigCallback> callback = callbackUrl == null ? Optional.empty()
                : Optional.of(new ConfigCallback(URI.create(callbackUrl), row.column("callback_secret").get(String.class),
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
                instant(row.column("created_at").get()));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime dateTime -> dateTime.toInstant();
            default -> throw corrupt("created_at");
        };
    }

    private String write(Map<String, Object> assistant) {
        try {
            return json.writeValueAsString(assistant);
        } catch (JacksonException e) {
            throw new IllegalStateException("an assistant could not be written as JSON", e);
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
