package dev.masker.domain.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminSessionTest {
    private static final AdminSessionDigest DIGEST = new AdminSessionDigest("ab".repeat(32));
    private static final AdminPrincipal PRINCIPAL = new AdminPrincipal("admin-token:0a1b2c3d");
    private static final Instant SIGNED_IN = Instant.parse("2026-05-03T21:14:32.481937Z");

    private final AdminSession session = AdminSession.create(DIGEST, PRINCIPAL, SIGNED_IN);

    @Test
    void givenASignIn_create_holdsThirtyDaysFromThenToTheMillisecond() {
        Instant millis = Instant.parse("2026-05-03T21:14:32.481Z");

        assertEquals(millis, session.createdAt());
        assertEquals(millis, session.lastSeenAt());
        assertEquals(millis.plus(Duration.ofDays(30)), session.expiresAt());
        assertEquals(Optional.empty(), session.revokedAt());
        assertEquals(AdminSession.Status.ACTIVE, session.statusAt(SIGNED_IN));
    }

    @Test
    void givenAnUnusedSession_statusAt_isExpiredFromItsExpiryOn() {
        assertEquals(
                AdminSession.Status.ACTIVE, session.statusAt(session.expiresAt().minusMillis(1)));
        assertEquals(AdminSession.Status.EXPIRED, session.statusAt(session.expiresAt()));
    }

    @Test
    void givenARevokedSession_statusAt_isRevokedEvenBeforeItsExpiry() {
        AdminSession revoked = AdminSession.restore(
                DIGEST,
                PRINCIPAL,
                session.createdAt(),
                session.lastSeenAt(),
                session.expiresAt(),
                Optional.of(SIGNED_IN.plusSeconds(5)));

        assertEquals(AdminSession.Status.REVOKED, revoked.statusAt(SIGNED_IN.plusSeconds(6)));
        assertEquals(
                AdminSession.Status.REVOKED,
                revoked.statusAt(session.expiresAt().plusSeconds(1)));
    }

    @Test
    void givenUseWithinAMinuteOfTheLast_isDueForExtensionAt_answersFalseThenTrue() {
        assertFalse(session.isDueForExtensionAt(session.lastSeenAt().plusSeconds(59)));
        assertTrue(session.isDueForExtensionAt(session.lastSeenAt().plusSeconds(60)));
    }

    @Test
    void givenUseDaysLater_extendedAt_movesTheExpiryToThirtyDaysFromThen() {
        Instant used = SIGNED_IN.plus(Duration.ofDays(29));

        AdminSession extended = session.extendedAt(used);

        assertEquals(session.createdAt(), extended.createdAt());
        assertEquals(Instant.parse("2026-06-01T21:14:32.481Z"), extended.lastSeenAt());
        assertEquals(Instant.parse("2026-07-01T21:14:32.481Z"), extended.expiresAt());
        assertEquals(
                AdminSession.Status.ACTIVE,
                extended.statusAt(session.expiresAt().plus(Duration.ofDays(20))));
    }
}
