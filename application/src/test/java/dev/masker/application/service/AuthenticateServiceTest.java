package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.in.AuthenticateCommand;
import dev.masker.application.port.in.AuthenticateUseCase.Authentication;
import dev.masker.application.port.in.AuthenticateUseCase.Authentication.Anonymous;
import dev.masker.application.port.in.AuthenticateUseCase.Authentication.Authenticated;
import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminTokens;
import dev.masker.domain.admin.AuthenticationFailure;
import dev.masker.domain.admin.Credential;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.ratelimit.RateDecision;
import dev.masker.testsupport.clock.SettableClock;
import dev.masker.testsupport.ports.InMemoryAdminSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateServiceTest {
    private static final String TOKEN = SignInServiceTest.TOKEN;
    private static final String SECRET = SignInServiceTest.SECRET.value();
    private static final String ADDRESS = "192.0.2.7";
    private static final AdminPrincipal PRINCIPAL =
            AdminTokens.of(List.of(TOKEN)).match(TOKEN).orElseThrow();

    private final InMemoryAdminSessions sessions = new InMemoryAdminSessions();
    private final SettableClock clock = SettableClock.fixedAt(SignInServiceTest.NOW);
    private final List<String> charged = new ArrayList<>();
    private RateDecision decision = RateDecision.ALLOWED;
    private AdminTokens tokens = AdminTokens.of(List.of(TOKEN));

    private Authentication authenticate(Optional<String> token, Optional<String> cookie) {
        AuthenticateService service = new AuthenticateService(
                tokens,
                sessions,
                key -> {
                    charged.add(key);
                    return decision;
                },
                clock);
        return service.authenticate(new AuthenticateCommand(token, cookie, ADDRESS));
    }

    private Authentication withCookie(String cookie) {
        return authenticate(Optional.empty(), Optional.of(cookie));
    }

    private AdminSession givenASessionSignedInNow() {
        AdminSession session = AdminSession.create(SignInServiceTest.SECRET.digest(), PRINCIPAL, clock.instant());
        sessions.create(session);
        return session;
    }

    private static AuthenticationFailure failure(Authentication authentication) {
        return assertInstanceOf(Anonymous.class, authentication).failure();
    }

    @Test
    void givenTheAdminToken_authenticate_admitsItsPrincipalViaTokenAndChargesThePrincipal() {
        Authenticated authenticated =
                assertInstanceOf(Authenticated.class, authenticate(Optional.of(TOKEN), Optional.empty()));

        assertEquals(PRINCIPAL, authenticated.principal());
        assertEquals(Credential.ADMIN_TOKEN, authenticated.via());
        assertEquals(Optional.empty(), authenticated.session());
        assertEquals(List.of("principal:" + PRINCIPAL.value()), charged);
    }

    @Test
    void givenAWrongTokenAndAValidCookie_authenticate_isAnonymousBecauseTheHeaderDecides() {
        givenASessionSignedInNow();

        assertEquals(AuthenticationFailure.UNKNOWN_TOKEN, failure(authenticate(Optional.of(""), Optional.of(SECRET))));
        assertEquals(List.of("address:" + ADDRESS), charged);
    }

    @Test
    void givenNoCredentials_authenticate_isAnonymousAndChargesTheClientAddress() {
        assertEquals(AuthenticationFailure.NO_CREDENTIALS, failure(authenticate(Optional.empty(), Optional.empty())));
        assertEquals(List.of("address:" + ADDRESS), charged);
    }

    @Test
    void givenACookieNotShapedLikeASecret_authenticate_isAnonymousWithoutALookUp() {
        assertEquals(AuthenticationFailure.UNKNOWN_SESSION, failure(withCookie("garbage")));
        assertEquals(AuthenticationFailure.UNKNOWN_SESSION, failure(withCookie("")));
        assertEquals(0, sessions.finds());
    }

    @Test
    void givenAWellFormedButForgedCookie_authenticate_isAnonymousUnknownSession() {
        givenASessionSignedInNow();

        assertEquals(AuthenticationFailure.UNKNOWN_SESSION, failure(withCookie("A".repeat(43))));
    }

    @Test
    void givenAFreshSession_authenticate_admitsItsPrincipalViaSessionWithoutWriting() {
        AdminSession session = givenASessionSignedInNow();
        clock.advance(Duration.ofSeconds(59));

        Authenticated authenticated = assertInstanceOf(Authenticated.class, withCookie(SECRET));

        assertEquals(PRINCIPAL, authenticated.principal());
        assertEquals(Credential.SESSION, authenticated.via());
        assertEquals(session.expiresAt(), authenticated.session().orElseThrow().expiresAt());
        assertFalse(authenticated.renewed());
        assertEquals(0, sessions.extensions());
        assertEquals(List.of("principal:" + PRINCIPAL.value()), charged);
    }

    @Test
    void givenASessionLastUsedAMinuteAgo_authenticate_movesItsExpiryToThirtyDaysFromNow() {
        givenASessionSignedInNow();
        clock.advance(Duration.ofDays(12));

        Authenticated authenticated = assertInstanceOf(Authenticated.class, withCookie(SECRET));

        assertTrue(authenticated.renewed());
        assertEquals(
                clock.instant().plus(Duration.ofDays(30)),
                authenticated.session().orElseThrow().expiresAt());
        AdminSession stored = sessions.find(SignInServiceTest.SECRET.digest()).orElseThrow();
        assertEquals(clock.instant(), stored.lastSeenAt());
        assertEquals(clock.instant().plus(Duration.ofDays(30)), stored.expiresAt());
        assertEquals(1, sessions.extensions());

        clock.advance(Duration.ofSeconds(30));
        assertFalse(assertInstanceOf(Authenticated.class, withCookie(SECRET)).renewed());
        assertEquals(1, sessions.extensions(), "a second use within the minute does not write");
    }

    @Test
    void givenASessionUnusedForThirtyDays_authenticate_isAnonymousExpired() {
        givenASessionSignedInNow();
        clock.advance(Duration.ofDays(30));

        assertEquals(AuthenticationFailure.EXPIRED_SESSION, failure(withCookie(SECRET)));
        assertEquals(0, sessions.extensions());
    }

    @Test
    void givenARevokedSession_authenticate_isAnonymousRevoked() {
        AdminSession session = givenASessionSignedInNow();
        sessions.revoke(session.digest(), clock.instant());

        assertEquals(AuthenticationFailure.REVOKED_SESSION, failure(withCookie(SECRET)));
    }

    @Test
    void givenTheSessionsTokenRemovedFromTheConfiguration_authenticate_isAnonymous() {
        givenASessionSignedInNow();
        tokens = AdminTokens.of(List.of("the-rotated-in-admin-token-42"));

        assertEquals(AuthenticationFailure.UNKNOWN_SESSION, failure(withCookie(SECRET)));
    }

    @Test
    void givenACallerOverItsLimit_authenticate_isRateLimitedAndDoesNotExtendTheSession() {
        givenASessionSignedInNow();
        clock.advance(Duration.ofMinutes(2));
        decision = new RateDecision.Limited(Duration.ofMillis(1500));

        DomainException limited = assertThrows(DomainException.class, () -> withCookie(SECRET));
        DomainException anonymousLimited =
                assertThrows(DomainException.class, () -> authenticate(Optional.empty(), Optional.empty()));

        assertEquals(ErrorCode.RATE_LIMITED, limited.code());
        assertEquals(Optional.of(Duration.ofMillis(1500)), limited.retryAfter());
        assertEquals(ErrorCode.RATE_LIMITED, anonymousLimited.code());
        assertEquals(0, sessions.extensions());
    }

    @Test
    void givenTheTokenAndASessionOfIt_authenticate_chargesBothToTheOnePrincipal() {
        givenASessionSignedInNow();

        authenticate(Optional.of(TOKEN), Optional.empty());
        withCookie(SECRET);

        assertEquals(List.of("principal:" + PRINCIPAL.value(), "principal:" + PRINCIPAL.value()), charged);
    }

    @Test
    void givenACommand_toString_hidesTokenAndCookie() {
        String text = new AuthenticateCommand(Optional.of(TOKEN), Optional.of(SECRET), ADDRESS).toString();

        assertFalse(text.contains(TOKEN));
        assertFalse(text.contains(SECRET));
    }
}
