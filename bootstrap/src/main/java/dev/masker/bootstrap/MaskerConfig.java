package dev.masker.bootstrap;

import dev.masker.adapters.http.upstream.OpenAiUpstreamSettings;
import dev.masker.adapters.http.vapi.DeploymentCredentials;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.agent.WebhookCredential.Algorithm;
import dev.masker.domain.agent.WebhookCredential.Hmac;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.policy.Policy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Masker's configuration, read once from environment variables and checked as a whole: every problem is reported at
 * once, each saying which variable to set. The README lists every variable with its default.
 *
 * <p>Loading this class reads nothing: {@link #from(Map)} reads the variables and the built-in policies, whose kids
 * need keys.
 *
 * @param server where and how the HTTP listener runs
 * @param credentials what Vapi, the admin API's clients and the metrics scraper prove themselves with
 * @param database where the data is kept, and for how long
 * @param keys the keys list cursors and PHI tokens are made with
 * @param limits the largest request body and the rate limits
 * @param audit how the audit writer commits
 * @param upstream where agents with an {@code openai:<model>} upstream are forwarded, with the key and the time limits
 * @param policies the built-in policies, read from their resources
 */
public record MaskerConfig(
        Server server,
        Credentials credentials,
        Database database,
        Keys keys,
        Limits limits,
        Audit audit,
        OpenAiUpstreamSettings upstream,
        BuiltInPolicies policies) {

    /**
     * Where and how the HTTP listener runs.
     *
     * @param host the interface to listen on
     * @param port the port ({@code 0}: any free one)
     * @param publicUrl the address Vapi reaches Masker at
     * @param listener how many connections the listener holds and how long an idle one is kept
     * @param shutdownNotice how long new requests are answered 503 at shutdown before the listener stops
     * @param shutdownGrace how long shutdown waits for requests in flight
     * @param logLevel the level of Masker's own loggers, a JUL level name
     */
    public record Server(
            String host,
            int port,
            URI publicUrl,
            ListenerLimits listener,
            Duration shutdownNotice,
            Duration shutdownGrace,
            String logLevel) {}

    /**
     * What callers prove themselves with.
     *
     * @param webhook how Vapi's deliveries are signed for agents without a credential of their own
     * @param signatureTolerance how far a signed timestamp may be from now
     * @param adminTokens the bearer tokens of {@code /api/v1}
     * @param metricsTokens the bearer tokens {@code /metrics} requires; empty: it is open
     */
    public record Credentials(
            DeploymentCredentials webhook,
            Duration signatureTolerance,
            List<String> adminTokens,
            List<String> metricsTokens) {
        @Override
        public String toString() {
            // Secrets and tokens never reach a log line.
            return "Credentials[signatureTolerance=" + signatureTolerance + ", adminTokens=" + adminTokens.size()
                    + ", metricsTokens=" + metricsTokens.size() + "]";
        }
    }

    /**
     * Where the data is kept, and for how long.
     *
     * @param external the external PostgreSQL; empty: the embedded one, in {@code dataDir}
     * @param dataDir where the embedded PostgreSQL and the generated keys live
     * @param schema the schema Masker creates and migrates
     * @param poolSize the connections of the API's pool, and of the proxy's
     * @param agentCacheTtl how long a loaded agent is served from memory
     * @param retentionDays how long the token vault keeps a session's originals
     */
    public record Database(
            Optional<Target> external,
            Path dataDir,
            String schema,
            int poolSize,
            Duration agentCacheTtl,
            int retentionDays) {

        /** A PostgreSQL to connect to: JDBC URL and credentials. */
        public record Target(String url, String user, String password) {
            @Override
            public String toString() {
                return "Database[url=" + url + ", user=" + user + "]";
            }
        }
    }

    /**
     * The keys that are configured; the embedded database's data directory holds the others.
     *
     * @param cursorKey the key the list cursors' signing key is derived from
     * @param tokenKeys the keys PHI tokens are made with, by kid
     */
    public record Keys(Optional<byte[]> cursorKey, KeyRing tokenKeys) {
        @Override
        public String toString() {
            // Keys never reach a log line.
            return "Keys[cursorKey=" + (cursorKey.isPresent() ? "set" : "unset") + ", tokenKeys=" + tokenKeys.kids()
                    + "]";
        }
    }

    /**
     * The largest request body and the rate limits, per instance.
     *
     * @param maxBodyBytes the largest request body
     * @param webhook webhook calls per agent
     * @param api {@code /api/v1} requests per principal, or per client address when unauthenticated
     * @param proxy proxy requests per agent
     */
    public record Limits(long maxBodyBytes, RateLimit webhook, RateLimit api, RateLimit proxy) {}

    /**
     * A token bucket.
     *
     * @param perSecond how many tokens it gains each second
     * @param burst how many it holds
     */
    public record RateLimit(int perSecond, int burst) {}

    /**
     * How the audit writer commits.
     *
     * @param batchSize the most events committed in one transaction
     * @param timeout how long a request waits for its event to commit
     */
    public record Audit(int batchSize, Duration timeout) {}

    static final int MIN_ADMIN_TOKEN_LENGTH = 16;
    static final String KEY_PREFIX = "MASKER_KEY_";
    static final String OLD_KEY_SUFFIX = "_OLD";
    /** The key the list cursors' signing key is derived from. */
    static final String CURSOR_KEY = "MASKER_CURSOR_KEY";
    /** Its name until issue 14: read when the new name is not set, with a warning. */
    static final String OLD_CURSOR_KEY = "MASKER_FINGERPRINT_KEY";

    /** Reads the configuration from the process environment. */
    public static MaskerConfig fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * Reads the configuration from the given variables.
     *
     * @throws ConfigurationException naming every variable that is missing or wrong
     */
    public static MaskerConfig from(Map<String, String> env) {
        Reader read = new Reader(env);
        String host = read.text("MASKER_HOST", "127.0.0.1");
        int port = read.integer("MASKER_PORT", 8080, 0, 65535);
        URI publicUrl = read.value(
                "MASKER_PUBLIC_URL",
                "http://localhost:" + (port == 0 ? 8080 : port),
                "an absolute http(s) URL without a trailing slash, e.g. https://masker.example.com",
                MaskerConfig::url);
        List<String> secrets = read.list("MASKER_VAPI_WEBHOOK_SECRET");
        if (secrets.isEmpty()) {
            read.problem(
                    "MASKER_VAPI_WEBHOOK_SECRET is not set: set it to the secret configured in Vapi for the Server URL"
                            + " (a comma-separated list is accepted while rotating). Masker never accepts unsigned webhooks.");
        }
        DeploymentCredentials webhookCredentials = webhookCredentials(read, secrets);
        Duration tolerance = Duration.ofSeconds(read.integer("MASKER_VAPI_SIGNATURE_TOLERANCE_SECONDS", 300, 1, 3600));
        List<String> tokens = read.list("MASKER_ADMIN_TOKEN");
        if (tokens.isEmpty()) {
            read.problem("MASKER_ADMIN_TOKEN is not set: set it to a random token of at least " + MIN_ADMIN_TOKEN_LENGTH
                    + " characters (e.g. `openssl rand -hex 32`); it guards /api/v1.");
        } else if (tokens.stream().anyMatch(token -> token.length() < MIN_ADMIN_TOKEN_LENGTH)) {
            read.problem("MASKER_ADMIN_TOKEN: every token must be at least " + MIN_ADMIN_TOKEN_LENGTH
                    + " characters (e.g. `openssl rand -hex 32`).");
        }
        Optional<Database.Target> database = read.optional("MASKER_DATABASE_URL")
                .map(url -> new Database.Target(
                        url, read.text("MASKER_DATABASE_USER", "postgres"), read.text("MASKER_DATABASE_PASSWORD", "")));
        database.ifPresent(db -> {
            if (!db.url().startsWith("jdbc:postgresql://")) {
                read.problem(
                        "MASKER_DATABASE_URL must be a PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/masker");
            }
        });
        Path dataDir = Path.of(read.text("MASKER_DATA_DIR", "data")).toAbsolutePath();
        String schema = read.text("MASKER_DATABASE_SCHEMA", "masker");
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            read.problem("MASKER_DATABASE_SCHEMA must be a lower-case SQL identifier, e.g. masker");
        }
        int poolSize = read.integer("MASKER_DATABASE_POOL_SIZE", 10, 2, 200);
        long maxBody = read.integer("MASKER_MAX_BODY_BYTES", 1_048_576, 1024, 64 * 1_048_576);
        int rate = read.integer("MASKER_VAPI_RATE_LIMIT_PER_SECOND", 100, 1, 1_000_000);
        int burst = read.integer("MASKER_VAPI_RATE_LIMIT_BURST", 200, 1, 1_000_000);
        int apiRate = read.integer("MASKER_API_RATE_LIMIT_PER_SECOND", 30, 1, 1_000_000);
        int apiBurst = read.integer("MASKER_API_RATE_LIMIT_BURST", 60, 1, 1_000_000);
        int proxyRate = read.integer("MASKER_PROXY_RATE_LIMIT_PER_SECOND", 100, 1, 1_000_000);
        int proxyBurst = read.integer("MASKER_PROXY_RATE_LIMIT_BURST", 200, 1, 1_000_000);
        // MASKER_CURSOR_KEY was MASKER_FINGERPRINT_KEY until it stopped keying fingerprints: the old name still works.
        Optional<String> cursorKeyText = read.optional(CURSOR_KEY);
        if (cursorKeyText.isEmpty() && read.optional(OLD_CURSOR_KEY).isPresent()) {
            System.getLogger(MaskerConfig.class.getName())
                    .log(
                            System.Logger.Level.WARNING,
                            OLD_CURSOR_KEY + " is the old name of " + CURSOR_KEY
                                    + ", which it is read as; rename the variable.");
            cursorKeyText = read.optional(OLD_CURSOR_KEY);
        }
        Optional<byte[]> cursorKey = cursorKeyText.flatMap(text -> {
            try {
                byte[] key = Base64.getDecoder().decode(text.strip());
                if (key.length == 32) {
                    return Optional.of(key);
                }
            } catch (IllegalArgumentException notBase64) {
                // Reported below.
            }
            read.problem(CURSOR_KEY + " must be base64 of 32 random bytes (`openssl rand -base64 32`)");
            return Optional.empty();
        });
        if (database.isPresent() && cursorKeyText.isEmpty()) {
            read.problem(CURSOR_KEY + " is not set: with an external database it must be set to base64 of 32"
                    + " random bytes (`openssl rand -base64 32`), the same on every instance, which sign the lists'"
                    + " cursors with a key derived from it; keep it out of the database.");
        }
        int batch = read.integer("MASKER_AUDIT_BATCH_SIZE", 500, 1, 1000);
        Duration auditTimeout = Duration.ofMillis(read.integer("MASKER_AUDIT_TIMEOUT_MS", 3000, 100, 60_000));
        Duration cacheTtl = Duration.ofMillis(read.integer("MASKER_AGENT_CACHE_MS", 5000, 0, 3_600_000));
        Duration grace = Duration.ofSeconds(read.integer("MASKER_SHUTDOWN_GRACE_SECONDS", 10, 0, 600));
        Duration notice = Duration.ofMillis(read.integer("MASKER_SHUTDOWN_NOTICE_MS", 1000, 0, 60_000));
        int retentionDays = read.integer("MASKER_RETENTION_DAYS", 30, 1, 3650);
        // 0: as many as the file-descriptor limit leaves room for (ListenerLimits).
        ListenerLimits listener = new ListenerLimits(
                read.integer("MASKER_MAX_CONNECTIONS", 0, 0, 1_000_000),
                Duration.ofSeconds(read.integer("MASKER_IDLE_TIMEOUT_SECONDS", 75, 1, 3600)));
        String logLevel =
                read.value("MASKER_LOG_LEVEL", "INFO", "one of SEVERE, WARNING, INFO, FINE, FINER, ALL", text -> {
                    java.util.logging.Level.parse(text.toUpperCase(java.util.Locale.ROOT));
                    return text.toUpperCase(java.util.Locale.ROOT);
                });
        List<String> metricsTokens = read.list("MASKER_METRICS_TOKEN");
        if (metricsTokens.stream().anyMatch(token -> token.length() < MIN_ADMIN_TOKEN_LENGTH)) {
            read.problem("MASKER_METRICS_TOKEN: every token must be at least " + MIN_ADMIN_TOKEN_LENGTH
                    + " characters (e.g. `openssl rand -hex 32`), or leave it unset to keep /metrics open.");
        } else if (metricsTokens.stream().anyMatch(tokens::contains)) {
            read.problem("MASKER_METRICS_TOKEN must differ from every MASKER_ADMIN_TOKEN: a scraper must not hold"
                    + " the admin token.");
        }
        KeyRing tokenKeys = tokenKeys(read, env);
        OpenAiUpstreamSettings upstreamSettings = upstreamSettings(read);
        BuiltInPolicies policies = BuiltInPolicies.read();
        if (database.isPresent()) {
            for (Kid kid : tokenKeys.missing(policies.kids())) {
                String users = policies.byName().values().stream()
                        .filter(policy -> policy.kid().equals(kid))
                        .map(Policy::name)
                        .sorted()
                        .collect(Collectors.joining(", "));
                read.problem(
                        kid.keyVariable() + " is not set: policy " + users + " tokenizes PHI with kid " + kid
                                + ", so with an external database it must be set to base64 of 32 random bytes"
                                + " (`openssl rand -base64 32`) and kept out of the database, which holds the sealed originals.");
            }
        }
        read.failIfAny();
        return new MaskerConfig(
                new Server(host, port, publicUrl, listener, notice, grace, logLevel),
                new Credentials(webhookCredentials, tolerance, tokens, metricsTokens),
                new Database(database, dataDir, schema, poolSize, cacheTtl, retentionDays),
                new Keys(cursorKey, tokenKeys),
                new Limits(
                        maxBody,
                        new RateLimit(rate, burst),
                        new RateLimit(apiRate, apiBurst),
                        new RateLimit(proxyRate, proxyBurst)),
                new Audit(batch, auditTimeout),
                upstreamSettings,
                policies);
    }

    /**
     * How Vapi's deliveries prove themselves to every agent without its own credential: the secrets, and the settings of
     * Vapi's HMAC credential ({@code algorithm}, {@code signatureHeader}, {@code timestampHeader}, {@code signaturePrefix},
     * {@code secretIsBase64}) and Bearer Token credential ({@code headerName}) that differ from Vapi's defaults.
     */
    private static DeploymentCredentials webhookCredentials(Reader read, List<String> secrets) {
        boolean secretIsBase64 = read.bool("MASKER_VAPI_SECRET_IS_BASE64", false);
        boolean secretsReadable = !secretIsBase64 || secrets.stream().allMatch(WebhookCredential.Hmac::isBase64);
        if (!secretsReadable) {
            read.problem("MASKER_VAPI_WEBHOOK_SECRET must be base64 while MASKER_VAPI_SECRET_IS_BASE64 is true");
        }
        Algorithm algorithm = read.value(
                "MASKER_VAPI_HMAC_ALGORITHM",
                "sha256",
                "one of sha256, sha512, sha1",
                text -> Algorithm.named(text).orElseThrow(IllegalArgumentException::new));
        String signatureHeader = read.value(
                "MASKER_VAPI_SIGNATURE_HEADER",
                Hmac.DEFAULT_SIGNATURE_HEADER,
                "an HTTP header name, e.g. x-signature",
                MaskerConfig::headerName);
        String timestampHeader = read.value(
                "MASKER_VAPI_TIMESTAMP_HEADER",
                Hmac.DEFAULT_TIMESTAMP_HEADER,
                "an HTTP header name, e.g. x-timestamp",
                MaskerConfig::headerName);
        Optional<String> prefix = read.optional("MASKER_VAPI_SIGNATURE_PREFIX");
        boolean plain = read.bool("MASKER_VAPI_ACCEPT_PLAIN_SECRET", false);
        Optional<String> tokenHeader = read.optional("MASKER_VAPI_TOKEN_HEADER").map(header -> {
            if (WebhookCredential.headerProblem(header) != null) {
                read.problem("MASKER_VAPI_TOKEN_HEADER must be an HTTP header name, e.g. x-vapi-secret");
            } else if (!plain) {
                read.problem("MASKER_VAPI_TOKEN_HEADER is set but MASKER_VAPI_ACCEPT_PLAIN_SECRET is not true: a token"
                        + " proves possession of the secret only, not the body, so accepting one must be turned on");
            }
            return header;
        });
        if (secrets.isEmpty() || !secretsReadable) {
            // Reported above; a stand-in keeps the other checks going.
            return DeploymentCredentials.of(List.of("unset"), false);
        }
        return new DeploymentCredentials(
                secrets,
                secretIsBase64,
                algorithm,
                signatureHeader,
                timestampHeader,
                prefix,
                plain,
                tokenHeader.filter(header -> WebhookCredential.headerProblem(header) == null));
    }

    private static String headerName(String text) {
        if (WebhookCredential.headerProblem(text) != null) {
            throw new IllegalArgumentException();
        }
        return text;
    }

    /** Where agents with an {@code openai:<model>} upstream are forwarded (SPEC §7), with the key and the time limits. */
    private static OpenAiUpstreamSettings upstreamSettings(Reader read) {
        URI baseUrl = read.value(
                "MASKER_UPSTREAM_OPENAI_BASE_URL",
                "https://api.openai.com/v1",
                "an absolute http(s) URL without a trailing slash or query, e.g. https://api.openai.com/v1",
                text -> {
                    URI uri = url(text);
                    if (uri.getRawQuery() != null) {
                        throw new IllegalArgumentException();
                    }
                    return uri;
                });
        Optional<String> apiKey = read.optional("MASKER_UPSTREAM_OPENAI_API_KEY");
        Duration connect = Duration.ofMillis(read.integer("MASKER_UPSTREAM_CONNECT_TIMEOUT_MS", 3000, 100, 60_000));
        Duration firstByte =
                Duration.ofMillis(read.integer("MASKER_UPSTREAM_FIRST_BYTE_TIMEOUT_MS", 20_000, 100, 600_000));
        Duration idle = Duration.ofMillis(read.integer("MASKER_UPSTREAM_IDLE_TIMEOUT_MS", 20_000, 100, 600_000));
        Duration total = Duration.ofMillis(read.integer("MASKER_UPSTREAM_TOTAL_TIMEOUT_MS", 120_000, 100, 3_600_000));
        return new OpenAiUpstreamSettings(baseUrl, apiKey, connect, firstByte, idle, total);
    }

    /**
     * The token keys: every {@code MASKER_KEY_<KID>} with its {@code MASKER_KEY_<KID>_OLD} if set, each base64 of 32
     * bytes. A problem for each variable that is malformed, names no kid, or is an old key without a current one.
     */
    private static KeyRing tokenKeys(Reader read, Map<String, String> env) {
        Map<Kid, byte[]> current = new TreeMap<>(Comparator.comparing(Kid::value));
        Map<Kid, byte[]> old = new TreeMap<>(Comparator.comparing(Kid::value));
        for (String name : env.keySet().stream()
                .filter(name -> name.startsWith(KEY_PREFIX))
                .sorted()
                .toList()) {
            String kidText = name.substring(KEY_PREFIX.length());
            boolean isOld = kidText.endsWith(OLD_KEY_SUFFIX)
                    && Kid.isValid(kidText.substring(0, kidText.length() - OLD_KEY_SUFFIX.length()));
            if (isOld) {
                kidText = kidText.substring(0, kidText.length() - OLD_KEY_SUFFIX.length());
            }
            if (!Kid.isValid(kidText)) {
                read.problem(
                        name + " names no kid: token keys are MASKER_KEY_<KID> and MASKER_KEY_<KID>_OLD, a kid being"
                                + " K_ and 1 to 30 upper-case letters or digits, e.g. MASKER_KEY_K_HEALTHCARE.");
                continue;
            }
            Optional<byte[]> key = read.optional(name).flatMap(MaskerConfig::key);
            if (key.isEmpty()) {
                read.problem(name + " must be base64 of 32 random bytes (`openssl rand -base64 32`).");
                continue;
            }
            (isOld ? old : current).put(new Kid(kidText), key.get());
        }
        Map<Kid, KeyRing.Keys> keys = new TreeMap<>(Comparator.comparing(Kid::value));
        old.keySet().stream()
                .filter(kid -> !current.containsKey(kid))
                .forEach(kid -> read.problem(kid.keyVariable()
                        + OLD_KEY_SUFFIX + " is set without " + kid.keyVariable()
                        + ": during a rotation the new key goes in "
                        + kid.keyVariable() + " and the previous one in " + kid.keyVariable() + OLD_KEY_SUFFIX + "."));
        current.forEach((kid, key) -> keys.put(kid, new KeyRing.Keys(key, Optional.ofNullable(old.get(kid)))));
        return KeyRing.of(keys);
    }

    private static Optional<byte[]> key(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            return key.length == KeyRing.KEY_BYTES ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static URI url(String text) {
        URI uri = URI.create(text);
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || text.endsWith("/")
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException();
        }
        return uri;
    }

    @Override
    public String toString() {
        // Secrets, tokens and keys never reach a log line.
        return "MaskerConfig[host=" + server.host() + ", port=" + server.port() + ", publicUrl=" + server.publicUrl()
                + ", database="
                + database.external().map(Database.Target::toString).orElse("embedded in " + database.dataDir())
                + ", schema=" + database.schema() + "]";
    }

    /** Reads variables, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        Optional<String> optional(String name) {
            return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
        }

        String text(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        List<String> list(String name) {
            return optional(name)
                    .map(value -> Arrays.stream(value.split(","))
                            .map(String::strip)
                            .filter(part -> !part.isEmpty())
                            .toList())
                    .orElse(List.of());
        }

        int integer(String name, int fallback, int min, int max) {
            return value(name, Integer.toString(fallback), "a whole number from " + min + " to " + max, text -> {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    throw new IllegalArgumentException();
                }
                return value;
            });
        }

        boolean bool(String name, boolean fallback) {
            return value(name, Boolean.toString(fallback), "true or false", text -> switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException();
            });
        }

        <T> T value(String name, String fallback, String expected, Function<String, T> parse) {
            String text = text(name, fallback);
            try {
                return parse.apply(text);
            } catch (RuntimeException e) {
                problems.add(name + " must be " + expected + "; it is not.");
                return parse.apply(fallback);
            }
        }

        void problem(String problem) {
            problems.add(problem);
        }

        void failIfAny() {
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
        }
    }
}
