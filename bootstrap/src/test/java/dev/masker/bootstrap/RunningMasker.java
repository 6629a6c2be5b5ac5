package dev.masker.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masker.application.service.MaskedTexts;
import dev.masker.application.service.TurnMasker;
import dev.masker.application.service.TurnTexts;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.Rehydration;
import dev.masker.domain.phi.Rehydrator;
import dev.masker.domain.session.SessionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A real Masker server on a random port, on a schema of its own in the real PostgreSQL, and a client for it. */
final class RunningMasker implements AutoCloseable {
    static final String SECRET = "whsec_test_7d2f9c4b1a";
    static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    /**
     * Whether the text holds the digits as a number of their own, not inside a longer one: a leaked phone's last group
     * ("0132") is found, a timing that contains it by chance ("total_us":"10132") is not.
     */
    static boolean holdsNumber(String text, String digits) {
        return java.util.regex.Pattern.compile("(?<!\\d)" + digits + "(?!\\d)")
                .matcher(text)
                .find();
    }

    static final String PUBLIC_URL = "https://masker.test";
    /** The token key of kid K_HEALTHCARE (base64 of 32 bytes), required with an external database. */
    static final String TOKEN_KEY = "WlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlo=";
    /** The principal of {@link #ADMIN_TOKEN}: the first 8 hex digits of its SHA-256. */
    static final String ADMIN_PRINCIPAL = "admin-token:bbb6a34e";

    private static final Pattern SESSION_COOKIE = Pattern.compile("masker_session=([^;]*);.*");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OWN_IDS = Pattern.compile("(req|agt|evt|sess)_[0-9A-Z]{26}|it_[0-9a-f]{16}");

    private final MaskerServer server;
    private final String schema;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningMasker(MaskerServer server, String schema) {
        this.server = server;
        this.schema = schema;
    }

    static RunningMasker start(Map<String, String> overrides) {
        return start(overrides, Clock.systemUTC());
    }

    /** Starts Masker with test defaults, the given variables laid over them. */
    static RunningMasker start(Map<String, String> overrides, Clock clock) {
        MaskerConfig.Database.Target db = TestDatabase.target();
        String schema = overrides.getOrDefault("MASKER_DATABASE_SCHEMA", TestDatabase.freshSchema());
        Map<String, String> env = new HashMap<>();
        env.put("MASKER_PORT", "0");
        env.put("MASKER_PUBLIC_URL", PUBLIC_URL);
        env.put("MASKER_VAPI_WEBHOOK_SECRET", SECRET);
        env.put("MASKER_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("MASKER_DATABASE_URL", db.url());
        env.put("MASKER_DATABASE_USER", db.user());
        env.put("MASKER_DATABASE_PASSWORD", db.password());
        env.put("MASKER_DATABASE_SCHEMA", schema);
        env.put("MASKER_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        env.put("MASKER_KEY_K_HEALTHCARE", TOKEN_KEY);
        env.put("MASKER_DATABASE_POOL_SIZE", "4");
        env.put("MASKER_SHUTDOWN_NOTICE_MS", "0"); // ShutdownDrainIT sets its own
        env.putAll(overrides);
        MaskerServer server = MaskerServer.start(MaskerConfig.from(env), clock);
        // The retention purge runs right after the start and audits itself: tests that count events start after it.
        server.firstRetentionPurge().orTimeout(10, TimeUnit.SECONDS).join();
        return new RunningMasker(server, schema);
    }

    /** The port this server listens on. */
    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static HttpClient client() {
        return CLIENT;
    }

    MaskerServer server() {
        return server;
    }

    /** One text masked by the server's own masker, its new values stored in the vault, as the proxy masks a turn. */
    MaskedTexts mask(SessionId session, String text, MaskingPolicy policy) {
        TurnMasker.MaskedTurn turn =
                server.phiTokens().turnMasker().mask(new TurnTexts(session, List.of(text), policy));
        turn.storeInVault();
        return turn.texts();
    }

    /** The text with the session's tokens put back through the server's own lookup, as the proxy rehydrates an answer. */
    Rehydration rehydrate(SessionId session, String text) {
        return new Rehydrator(server.phiTokens().sessionTokens().forSession(session)).rehydrate(text);
    }

    String schema() {
        return schema;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON body to the webhook of the agent, signed the documented way. */
    HttpResponse<String> webhook(String agentId, byte[] body) {
        return send(HttpRequest.newBuilder(uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/json")
                .header("X-Vapi-Signature", sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN);
        return send(
                body == null
                        ? request.method(method, HttpRequest.BodyPublishers.noBody())
                        : request.header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code POST /api/v1/auth/session} with the token, and no credentials. */
    HttpResponse<String> signIn(String token) {
        return send(HttpRequest.newBuilder(uri("/api/v1/auth/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\"}")));
    }

    /** Signs in with the admin token and returns the session cookie's value. */
    String signIn() {
        HttpResponse<String> response = signIn(ADMIN_TOKEN);
        if (response.statusCode() != 204) {
            throw new AssertionError("not signed in: " + response.statusCode() + " " + response.body());
        }
        return sessionCookie(response).orElseThrow(() -> new AssertionError("no session cookie was set"));
    }

    /** The value the answer sets the session cookie to, if it sets it. */
    static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SESSION_COOKIE::matcher)
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .findFirst();
    }

    /**
     * A request authenticated by the session cookie only, with {@code X-Requested-With} (the CSRF defence's header)
     * when {@code csrfHeader} is set; a null body sends none.
     */
    HttpResponse<String> withSession(String cookie, String method, String path, String body, boolean csrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Cookie", "masker_session=" + cookie);
        if (csrfHeader) {
            request.header("X-Requested-With", "XMLHttpRequest");
        }
        return send(
                body == null
                        ? request.method(method, HttpRequest.BodyPublishers.noBody())
                        : request.header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Creates an agent from the JSON fields and returns its id. */
    String createAgent(String json) {
        HttpResponse<String> response = admin("POST", "/api/v1/agents", json);
        if (response.statusCode() != 201) {
            throw new AssertionError("agent not created: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).path("agent").path("id").asText();
    }

    /** Creates an agent with a unique name and the given assistant defaults. */
    String createAgentWithAssistant(String assistantJson) {
        return createAgent("{\"name\":\"agent " + TestDatabase.freshSchema() + "\",\"upstream\":\"openai:gpt-4o-mini\","
                + "\"assistant\":" + assistantJson + "}");
    }

    /** The audit rows, in chain order: type, agent id, body. */
    List<Map<String, String>> auditRows() {
        try (Connection connection = TestDatabase.connect(schema);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT type, agent_id, body FROM audit_event ORDER BY seq")) {
            List<Map<String, String>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, String> row = new HashMap<>();
                row.put("type", rows.getString("type"));
                row.put("agent_id", rows.getString("agent_id"));
                row.put("body", rows.getString("body"));
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many vault rows the session of the call holds. */
    int vaultRowsOfCall(String callId) {
        try (Connection connection = TestDatabase.connect(schema);
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM token_vault v "
                        + "JOIN proxy_session s ON s.id = v.session_id WHERE s.call_id = ?")) {
            statement.setString(1, callId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Map<String, String>> callStartedRows(String agentId) {
        return auditRows().stream()
                .filter(row -> "call_started".equals(row.get("type")) && agentId.equals(row.get("agent_id")))
                .toList();
    }

    /**
     * The text without Masker's own ids ({@code req_}, {@code agt_}, {@code evt_}, {@code sess_} + ULID) and the tests'
     * random schema names: random digits that a check for runs of a phone number's digits must not count.
     */
    static String withoutOwnIds(String text) {
        return OWN_IDS.matcher(text).replaceAll("");
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sign(String secret, byte[] body) {
        return sign(secret, new byte[0], body);
    }

    static String sign(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] assistantRequest(String callId, String customerNumber) {
        return assistantRequest(callId, customerNumber, System.currentTimeMillis());
    }

    /** An assistant-request in Vapi's documented envelope, stamped with {@code timestampMillis} as Vapi stamps it. */
    static byte[] assistantRequest(String callId, String customerNumber, long timestampMillis) {
        return ("{\"type\":\"assistant-request\",\"call\":{\"id\":\"" + callId + "\",\"assistantId\":\"asst_1\","
                        + "\"customer\":{\"number\":\"" + customerNumber + "\"}},\"timestamp\":" + timestampMillis
                        + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
