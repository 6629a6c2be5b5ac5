package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.in.SignInCommand;
import dev.masker.application.port.in.SignedIn;
import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionSecret;
import dev.masker.domain.admin.AdminTokens;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.AuditEventType;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.testsupport.clock.SettableClock;
import dev.masker.testsupport.ports.InMemoryAdminSessions;
import dev.masker.testsupport.ports.InMemoryAuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInServiceTest {
    static final String TOKEN = "admin-token-for-tests-0123456789";
    static final RequestId REQUEST = new RequestId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1R"));
    static final Instant NOW = Instant.parse("2026-05-03T21:14:32.481Z");
    static final AdminSessionSecret SECRET = new AdminSessionSecret("s3cr3t-" + "x".repeat(36));

    private final InMemoryAdminSessions sessions = new InMemoryAdminSessions();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final SignInService service = new SignInService(
            AdminTokens.of(List.of("other-admin-token-000000", TOKEN)),
            sessions,
            () -> SECRET,
            audit,
            new SequentialIds(),
            SettableClock.fixedAt(NOW));

    @Test
    void givenAConfiguredToken_signIn_storesOnlyTheDigestAndAuditsThePrincipal() {
        SignedIn signedIn = service.signIn(new SignInCommand(TOKEN, "127.0.0.1", REQUEST));

        AdminPrincipal principal = AdminTokens.of(List.of(TOKEN)).match(TOKEN).orElseThrow();
        assertEquals(SECRET, signedIn.secret());
        AdminSession stored = sessions.find(SECRET.digest()).orElseThrow();
        assertEquals(principal, stored.principal());
        assertEquals(NOW, stored.createdAt());
        assertEquals(NOW.plus(Duration.ofDays(30)), stored.expiresAt());
        assertEquals(1, sessions.sessions().size());
        assertEquals(1, audit.events().size());
        AuditEvent event = audit.events().getFirst();
        assertEquals(AuditEventType.ADMIN_SIGNED_IN, event.type());
        assertEquals(Map.of("principal", principal.value(), "request_id", REQUEST.value()), event.data());
        assertFalse(event.data().values().stream()
                .anyMatch(value -> value.contains(TOKEN) || value.contains(SECRET.value())));
    }

    @Test
    void givenAWrongToken_signIn_isUnauthenticatedAndStoresAndAuditsNothing() {
        DomainException refused = assertThrows(
                DomainException.class, () -> service.signIn(new SignInCommand(TOKEN + "x", "127.0.0.1", REQUEST)));

        assertEquals(ErrorCode.UNAUTHENTICATED, refused.code());
        assertFalse(refused.getMessage().contains(TOKEN));
        assertTrue(sessions.sessions().isEmpty());
        assertTrue(audit.events().isEmpty());
    }

    @Test
    void givenAnUnavailableAuditLog_signIn_failsSoTheSecretIsNeverHandedOut() {
        audit.makeUnavailable();

        DomainException refused = assertThrows(
                DomainException.class, () -> service.signIn(new SignInCommand(TOKEN, "127.0.0.1", REQUEST)));

        assertEquals(ErrorCode.AUDIT_UNAVAILABLE, refused.code());
    }

    @Test
    void givenACommand_toString_hidesTheToken() {
        assertFalse(new SignInCommand(TOKEN, "127.0.0.1", REQUEST).toString().contains(TOKEN));
    }
}
