package dev.masker.bootstrap;

import static dev.masker.bootstrap.VapiWebhookIT.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.testsupport.clock.SettableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Browser sign-in to the admin API over real HTTP on the real PostgreSQL (SPEC §5): the cookie, its use on every
 * /api/v1 route, the CSRF defence, sign-out, expiry and the sliding extension. The clock is the test's: moving it on
 * ages every session, so each test signs in for itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminSessionsIT {
    private static final String COOKIE_FORM =
            "masker_session=[A-Za-z0-9_-]{43}; Path=/api/v1; HttpOnly; Secure; SameSite=Lax; Max-Age=2592000";
    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String CLEARED = "masker_session=; Path=/api/v1; HttpOnly; Secure; SameSite=Lax; Max-Age=0";

    private final SettableClock clock = SettableClock.followingSystem();
    private RunningMasker masker;

    @BeforeAll
    void start() {
        masker = RunningMasker.start(Map.of(), clock);
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenTheAdminToken_signIn_answersNoContentWithTheCookieExactlyAndAuditsIt() {
        HttpResponse<String> response = masker.signIn(RunningMasker.ADMIN_TOKEN);

        List<String> cookies = response.headers().allValues("Set-Cookie");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertAll(
                () -> assertEquals(204, response.statusCode(), response.body()),
                () -> assertEquals(1, cookies.size(), cookies.toString()),
                () -> assertTrue(cookies.getFirst().matches(COOKIE_FORM), cookies.getFirst()),
                () -> assertEquals("", response.body()),
                () -> assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control")));
        Map<String, String> event = lastAuditRow("admin_signed_in");
        assertEquals(
                "{\"principal\":\"" + RunningMasker.ADMIN_PRINCIPAL + "\",\"request_id\":\"" + requestId + "\"}",
                RunningMasker.read(event.get("body")).path("data").toString());
        assertEquals(null, event.get("agent_id"));
    }

    @Test
    void givenASessionCookie_me_answersThePrincipalViaSessionAndItsExpiry() {
        String cookie = masker.signIn();
        Instant signedIn = storedSession(cookie).orElseThrow().createdAt();

        HttpResponse<String> response = masker.withSession(cookie, "GET", "/api/v1/auth/me", null, false);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode me = RunningMasker.read(response.body());
        assertEquals(RunningMasker.ADMIN_PRINCIPAL, me.path("principal").asText());
        assertEquals("session", me.path("via").asText());
        assertEquals(
                rfc3339(signedIn.plus(Duration.ofDays(30))),
                me.path("session_expires_at").asText());
    }

    @Test
    void givenTheCookieAmongOthers_me_findsIt() {
        String cookie = masker.signIn();

        HttpResponse<String> response = masker.send(HttpRequest.newBuilder(masker.uri("/api/v1/auth/me"))
                .header("Cookie", "theme=dark; masker_session=" + cookie + "; other=masker_session%3Dx")
                .GET());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("session", RunningMasker.read(response.body()).path("via").asText());
    }

    @Test
    void givenTheBearerToken_me_answersViaTokenWithoutAnExpiry() {
        HttpResponse<String> response = masker.admin("GET", "/api/v1/auth/me", null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode me = RunningMasker.read(response.body());
        assertEquals(RunningMasker.ADMIN_PRINCIPAL, me.path("principal").asText());
        assertEquals("token", me.path("via").asText());
        assertTrue(me.has("session_expires_at") && me.path("session_expires_at").isNull(), response.body());
    }

    @Test
    void givenASessionCookieAndTheCsrfHeader_agentsApi_createsAndReadsAsTheSignedInPrincipal() {
        String cookie = masker.signIn();

        HttpResponse<String> created = masker.withSession(
                cookie,
                "POST",
                "/api/v1/agents",
                "{\"name\": \"by cookie " + UUID.randomUUID() + "\", \"upstream\": \"stub\"}",
                true);
        String id = RunningMasker.read(created.body()).path("agent").path("id").asText();
        HttpResponse<String> read = masker.withSession(cookie, "GET", "/api/v1/agents/" + id, null, false);

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, read.statusCode(), read.body());
        Map<String, String> event = lastAuditRow("agent_created");
        assertEquals(id, event.get("agent_id"));
        assertEquals(
                RunningMasker.ADMIN_PRINCIPAL,
                RunningMasker.read(event.get("body"))
                        .path("data")
                        .path("principal")
                        .asText());
    }

    @Test
    void givenACookieWithoutTheCsrfHeader_changes_answerForbiddenAndChangeNothing() {
        String cookie = masker.signIn();
        String name = "csrf " + UUID.randomUUID();
        String agent = "{\"name\": \"" + name + "\", \"upstream\": \"stub\"}";

        assertError(masker.withSession(cookie, "POST", "/api/v1/agents", agent, false), 403, "csrf_check_failed");
        assertError(
                masker.withSession(cookie, "DELETE", "/api/v1/auth/session", null, false), 403, "csrf_check_failed");

        assertEquals(
                200,
                masker.withSession(cookie, "GET", "/api/v1/auth/me", null, false)
                        .statusCode(),
                "the refused sign-out left the session alone");
        assertEquals(
                0,
                masker.auditRows().stream()
                        .filter(row -> row.get("body").contains(name))
                        .count());
        assertEquals(
                201,
                masker.admin("POST", "/api/v1/agents", agent).statusCode(),
                "a browser never sends Authorization by itself: the bearer token needs no CSRF header");
    }

    @Test
    void givenAWrongToken_signIn_answersUnauthenticatedWithoutACookieOrAnEvent() {
        int events = masker.auditRows().size();

        HttpResponse<String> response = masker.signIn(RunningMasker.ADMIN_TOKEN + "-not");

        assertError(response, 401, "unauthenticated");
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
        assertEquals(events, masker.auditRows().size());
    }

    @Test
    void givenBadBodies_signIn_answersAsEveryOtherRoute() {
        assertError(post("{\"token\": ", "application/json"), 400, "invalid_json");
        assertError(post("{\"token\": \"x\"}", "text/plain"), 415, "unsupported_media_type");
        assertEquals(List.of("(body)"), fields(post("[\"" + RunningMasker.ADMIN_TOKEN + "\"]", "application/json")));
        assertEquals(List.of("token"), fields(post("{}", "application/json")));
        assertEquals(List.of("token"), fields(post("{\"token\": 42}", "application/json")));
        assertEquals(
                List.of("remember_me"),
                fields(post(
                        "{\"token\": \"" + RunningMasker.ADMIN_TOKEN + "\", \"remember_me\": true}",
                        "application/json")));
    }

    @Test
    void givenNoGarbageOrForgedCookie_anyApiRoute_answersUnauthenticated() {
        HttpRequest.Builder none =
                HttpRequest.newBuilder(masker.uri("/api/v1/auth/me")).GET();
        HttpRequest.Builder otherCookie = HttpRequest.newBuilder(masker.uri("/api/v1/agents/agt_x"))
                .header("Cookie", "session=" + masker.signIn())
                .GET();

        assertError(masker.send(none), 401, "unauthenticated");
        assertError(masker.send(otherCookie), 401, "unauthenticated");
        assertError(masker.withSession("", "GET", "/api/v1/auth/me", null, false), 401, "unauthenticated");
        assertError(
                masker.withSession("garbage; Path=/", "GET", "/api/v1/auth/me", null, false), 401, "unauthenticated");
        assertError(masker.withSession("A".repeat(43), "GET", "/api/v1/auth/me", null, false), 401, "unauthenticated");
        assertError(masker.withSession("A".repeat(43), "POST", "/api/v1/agents", "{}", true), 401, "unauthenticated");
    }

    @Test
    void givenAValidCookieAndAWrongBearerToken_anyApiRoute_answersUnauthenticatedBecauseTheHeaderDecides() {
        String cookie = masker.signIn();

        HttpResponse<String> response = masker.send(HttpRequest.newBuilder(masker.uri("/api/v1/auth/me"))
                .header("Cookie", "masker_session=" + cookie)
                .header("Authorization", "Bearer wrong-token-0123456789")
                .GET());

        assertError(response, 401, "unauthenticated");
    }

    @Test
    void givenASignedOutSession_reuse_answersUnauthenticatedAtOnce() {
        String cookie = masker.signIn();

        HttpResponse<String> signOut = masker.withSession(cookie, "DELETE", "/api/v1/auth/session", null, true);

        assertEquals(204, signOut.statusCode(), signOut.body());
        assertEquals(List.of(CLEARED), signOut.headers().allValues("Set-Cookie"));
        assertTrue(storedSession(cookie).orElseThrow().revokedAt().isPresent());
        assertEquals(
                "{\"principal\":\"" + RunningMasker.ADMIN_PRINCIPAL + "\",\"request_id\":\""
                        + signOut.headers().firstValue("X-Request-Id").orElseThrow() + "\"}",
                RunningMasker.read(lastAuditRow("admin_signed_out").get("body"))
                        .path("data")
                        .toString());
        HttpResponse<String> reused = masker.withSession(cookie, "GET", "/api/v1/auth/me", null, false);
        assertError(reused, 401, "unauthenticated");
        assertTrue(RunningMasker.read(reused.body())
                .path("error")
                .path("message")
                .asText()
                .contains("signed out"));
        assertError(masker.withSession(cookie, "GET", "/api/v1/agents/agt_x", null, false), 401, "unauthenticated");
    }

    @Test
    void givenTheBearerToken_signOut_answersNoContentAndClearsTheCookie() {
        HttpResponse<String> response = masker.admin("DELETE", "/api/v1/auth/session", null);

        assertEquals(204, response.statusCode(), response.body());
        assertEquals(List.of(CLEARED), response.headers().allValues("Set-Cookie"));
    }

    @Test
    void givenASessionUnusedForThirtyDays_use_answersUnauthenticatedExpired() {
        String cookie = masker.signIn();
        clock.advance(Duration.ofDays(30).plusSeconds(1));

        HttpResponse<String> response = masker.withSession(cookie, "GET", "/api/v1/auth/me", null, false);

        assertError(response, 401, "unauthenticated");
        assertTrue(RunningMasker.read(response.body())
                .path("error")
                .path("message")
                .asText()
                .contains("expired"));
    }

    @Test
    void givenASessionUsedDaysLater_use_movesItsExpiryAndSendsTheCookieAgainAtMostOnceAMinute() {
        String cookie = masker.signIn();
        Session signedIn = storedSession(cookie).orElseThrow();

        clock.advance(Duration.ofDays(20));
        HttpResponse<String> first = masker.withSession(cookie, "GET", "/api/v1/auth/me", null, false);
        Session extended = storedSession(cookie).orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> withinTheMinute = masker.withSession(cookie, "GET", "/api/v1/auth/me", null, false);
        clock.advance(Duration.ofDays(20));
        HttpResponse<String> pastTheFirstExpiry = masker.withSession(cookie, "GET", "/api/v1/auth/me", null, false);

        assertEquals(200, first.statusCode(), first.body());
        assertTrue(extended.lastSeenAt()
                .isAfter(signedIn.lastSeenAt().plus(Duration.ofDays(20)).minusSeconds(1)));
        assertEquals(extended.lastSeenAt().plus(Duration.ofDays(30)), extended.expiresAt());
        assertEquals(
                rfc3339(extended.expiresAt()),
                RunningMasker.read(first.body()).path("session_expires_at").asText());
        assertEquals(
                List.of(COOKIE_FORM.replace("[A-Za-z0-9_-]{43}", cookie)),
                first.headers().allValues("Set-Cookie"));
        assertEquals(200, withinTheMinute.statusCode());
        assertEquals(List.of(), withinTheMinute.headers().allValues("Set-Cookie"), "no write within the minute");
        assertEquals(200, pastTheFirstExpiry.statusCode(), "day 40: alive because it was used on day 20");
        assertEquals(signedIn.createdAt(), storedSession(cookie).orElseThrow().createdAt());
    }

    @Test
    void givenASignedInSession_database_holdsOnlyTheSha256OfTheCookie() throws SQLException {
        String cookie = masker.signIn();

        try (Connection connection = TestDatabase.connect(masker.schema());
                PreparedStatement anywhere = connection.prepareStatement(
                        "SELECT count(*) FROM admin_session s WHERE CAST(s AS text) LIKE ?")) {
            anywhere.setString(1, "%" + cookie + "%");
            try (ResultSet result = anywhere.executeQuery()) {
                result.next();
                assertEquals(0, result.getLong(1), "a row holds the cookie value");
            }
        }
        assertTrue(storedSession(cookie).isPresent(), "the session is stored under the SHA-256 of the cookie");
        assertFalse(masker.auditRows().stream().anyMatch(row -> row.get("body").contains(cookie)));
    }

    @Test
    void givenOtherInstancesOnTheSameDatabase_aSession_holdsWhileItsTokenIsConfiguredThereOnly() {
        String cookie = masker.signIn();
        Map<String, String> sameSchema = Map.of("MASKER_DATABASE_SCHEMA", masker.schema());
        String rotatedIn = "rotated-in-admin-token-0123456789";

        try (RunningMasker rotating =
                        RunningMasker.start(withToken(sameSchema, rotatedIn + "," + RunningMasker.ADMIN_TOKEN), clock);
                RunningMasker rotated = RunningMasker.start(withToken(sameSchema, rotatedIn), clock)) {
            assertEquals(
                    200,
                    rotating.withSession(cookie, "GET", "/api/v1/auth/me", null, false)
                            .statusCode(),
                    "a session signed in on one instance holds on another");
            assertError(rotated.withSession(cookie, "GET", "/api/v1/auth/me", null, false), 401, "unauthenticated");
        }
    }

    private static Map<String, String> withToken(Map<String, String> env, String tokens) {
        Map<String, String> all = new HashMap<>(env);
        all.put("MASKER_ADMIN_TOKEN", tokens);
        return all;
    }

    private HttpResponse<String> post(String body, String contentType) {
        return masker.send(HttpRequest.newBuilder(masker.uri("/api/v1/auth/session"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static List<String> fields(HttpResponse<String> response) {
        assertError(response, 422, "validation_failed");
        List<String> fields = new ArrayList<>();
        RunningMasker.read(response.body())
                .path("error")
                .path("details")
                .forEach(d -> fields.add(d.path("field").asText()));
        return fields;
    }

    private Map<String, String> lastAuditRow(String type) {
        return masker.auditRows().stream()
                .filter(row -> type.equals(row.get("type")))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + type + " event"));
    }

    /** The stored row of a session, looked up as Masker does: by the SHA-256 of the cookie. */
    private record Session(Instant createdAt, Instant lastSeenAt, Instant expiresAt, Optional<Instant> revokedAt) {}

    private Optional<Session> storedSession(String cookie) {
        try (Connection connection = TestDatabase.connect(masker.schema());
                PreparedStatement select =
                        connection.prepareStatement("SELECT created_at, last_seen_at, expires_at, revoked_at"
                                + " FROM admin_session WHERE secret_sha256 = ?")) {
            select.setString(
                    1,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(cookie.getBytes(StandardCharsets.US_ASCII))));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp revoked = row.getTimestamp("revoked_at");
                return Optional.of(new Session(
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("last_seen_at").toInstant(),
                        row.getTimestamp("expires_at").toInstant(),
                        Optional.ofNullable(revoked).map(Timestamp::toInstant)));
            }
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rfc3339(Instant instant) {
        return RFC_3339_MILLIS.format(instant);
    }
}
