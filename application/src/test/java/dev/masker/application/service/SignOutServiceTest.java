package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.masker.application.port.in.SignOutCommand;
import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.audit.AuditEventType;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.testsupport.clock.SettableClock;
import dev.masker.testsupport.ports.InMemoryAdminSessions;
import dev.masker.testsupport.ports.InMemoryAuditLog;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignOutServiceTest {
    private static final AdminPrincipal PRINCIPAL = new AdminPrincipal("admin-token:bb9e266a");

    private final InMemoryAdminSessions sessions = new InMemoryAdminSessions();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final SettableClock clock = SettableClock.fixedAt(SignInServiceTest.NOW);
    private final SignOutService service = new SignOutService(sessions, audit, new SequentialIds(), clock);
    private final AdminSession session =
            AdminSession.create(SignInServiceTest.SECRET.digest(), PRINCIPAL, clock.instant());

    @Test
    void givenAnActiveSession_signOut_revokesItNowAndAuditsThePrincipal() {
        sessions.create(session);
        clock.advance(Duration.ofMinutes(5));

        service.signOut(new SignOutCommand(session.digest(), PRINCIPAL, SignInServiceTest.REQUEST));

        AdminSession stored = sessions.find(session.digest()).orElseThrow();
        assertEquals(Optional.of(clock.instant()), stored.revokedAt());
        assertEquals(AdminSession.Status.REVOKED, stored.statusAt(clock.instant()));
        assertEquals(AuditEventType.ADMIN_SIGNED_OUT, audit.events().getFirst().type());
        assertEquals(
                Map.of("principal", PRINCIPAL.value(), "request_id", SignInServiceTest.REQUEST.value()),
                audit.events().getFirst().data());
    }

    @Test
    void givenAnUnavailableAuditLog_signOut_stillRevokesTheSession() {
        sessions.create(session);
        audit.makeUnavailable();

        DomainException refused = assertThrows(
                DomainException.class,
                () -> service.signOut(new SignOutCommand(session.digest(), PRINCIPAL, SignInServiceTest.REQUEST)));

        assertEquals(ErrorCode.AUDIT_UNAVAILABLE, refused.code());
        assertEquals(
                AdminSession.Status.REVOKED,
                sessions.find(session.digest()).orElseThrow().statusAt(clock.instant()));
    }
}
