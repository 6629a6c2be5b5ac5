package dev.masker.testsupport.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.application.port.out.KeepAdminSessionsPort;
import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionDigest;
import dev.masker.domain.admin.AdminSessionSecret;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of the admin session store ({@link KeepAdminSessionsPort}), run against the in-memory fake the service
 * tests use ({@link InMemoryAdminSessions}) and the PostgreSQL adapter alike. Every test signs in with a new secret: the
 * store is never emptied.
 */
public abstract class KeepAdminSessionsContractTest {
    public static final Instant SIGNED_IN = Instant.parse("2026-03-01T09:30:15.123Z");
    public static final AdminPrincipal PRINCIPAL = new AdminPrincipal("admin-token:bb9e266a");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The store under test. */
    protected abstract KeepAdminSessionsPort store();

    /** A new secret, so a new digest. */
    public static AdminSessionSecret newSecret() {
        return AdminSessionSecret.generate(RANDOM);
    }

    private AdminSession givenASession() {
        AdminSession session = AdminSession.create(newSecret().digest(), PRINCIPAL, SIGNED_IN);
        store().create(session);
        return session;
    }

    private AdminSession stored(AdminSessionDigest digest) {
        return store().find(digest).orElseThrow(() -> new AssertionError("the session is not found"));
    }

    private static void assertSameSession(AdminSession expected, AdminSession actual) {
        assertEquals(expected.digest(), actual.digest());
        assertEquals(expected.principal(), actual.principal());
        assertEquals(expected.createdAt(), actual.createdAt());
        assertEquals(expected.lastSeenAt(), actual.lastSeenAt());
        assertEquals(expected.expiresAt(), actual.expiresAt());
        assertEquals(expected.revokedAt(), actual.revokedAt());
    }

    @Test
    void givenACreatedSession_find_returnsEveryField() {
        AdminSession session = givenASession();

        assertSameSession(session, stored(session.digest()));
    }

    @Test
    void givenAnUnknownDigest_find_returnsEmpty() {
        assertEquals(Optional.empty(), store().find(newSecret().digest()));
    }

    @Test
    void givenASession_extend_movesLastSeenAndExpiry() {
        AdminSession session = givenASession();
        AdminSession used = session.extendedAt(SIGNED_IN.plus(Duration.ofDays(3)));

        store().extend(session.digest(), used.lastSeenAt(), used.expiresAt());

        assertSameSession(used, stored(session.digest()));
    }

    @Test
    void givenALaterExpiryStored_extendWithAnEarlierOne_keepsTheLater() {
        AdminSession session = givenASession();
        AdminSession later = session.extendedAt(SIGNED_IN.plus(Duration.ofDays(3)));
        AdminSession earlier = session.extendedAt(SIGNED_IN.plus(Duration.ofDays(2)));

        store().extend(session.digest(), later.lastSeenAt(), later.expiresAt());
        store().extend(session.digest(), earlier.lastSeenAt(), earlier.expiresAt());

        assertSameSession(later, stored(session.digest()));
    }

    @Test
    void givenASession_revoke_recordsTheTimeAndARevokeAgainKeepsTheFirst() {
        AdminSession session = givenASession();
        Instant signedOut = SIGNED_IN.plus(Duration.ofHours(2));

        store().revoke(session.digest(), signedOut);
        store().revoke(session.digest(), signedOut.plusSeconds(60));

        AdminSession revoked = stored(session.digest());
        assertEquals(Optional.of(signedOut), revoked.revokedAt());
        assertEquals(AdminSession.Status.REVOKED, revoked.statusAt(signedOut));
    }

    @Test
    void givenARevokedSession_extend_leavesItRevokedAndUnchanged() {
        AdminSession session = givenASession();
        Instant signedOut = SIGNED_IN.plus(Duration.ofHours(2));
        store().revoke(session.digest(), signedOut);
        AdminSession used = session.extendedAt(signedOut.plusSeconds(1));

        store().extend(session.digest(), used.lastSeenAt(), used.expiresAt());

        AdminSession stored = stored(session.digest());
        assertEquals(Optional.of(signedOut), stored.revokedAt());
        assertEquals(session.expiresAt(), stored.expiresAt());
        assertEquals(session.lastSeenAt(), stored.lastSeenAt());
    }

    @Test
    void givenAnUnknownDigest_extendAndRevoke_changeNothingAndDoNotFail() {
        AdminSessionDigest unknown = newSecret().digest();

        store().extend(unknown, SIGNED_IN, SIGNED_IN.plus(AdminSession.LIFETIME));
        store().revoke(unknown, SIGNED_IN);

        assertEquals(Optional.empty(), store().find(unknown));
    }
}
