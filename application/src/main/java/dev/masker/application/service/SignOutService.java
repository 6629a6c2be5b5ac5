package dev.masker.application.service;

import dev.masker.application.port.in.SignOutCommand;
import dev.masker.application.port.in.SignOutUseCase;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.KeepAdminSessionsPort;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.id.EventId;
import java.time.Clock;
import java.util.Objects;

/** Revokes a sign-in session in the store (so it fails on every instance from now on), then audits the sign-out. */
public final class SignOutService implements SignOutUseCase {
    private final KeepAdminSessionsPort sessions;
    private final AppendAuditEventPort audit;
    private final IdGeneratorPort ids;
    private final Clock clock;

    public SignOutService(
            KeepAdminSessionsPort sessions, AppendAuditEventPort audit, IdGeneratorPort ids, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void signOut(SignOutCommand command) {
        sessions.revoke(command.session(), clock.instant());
        audit.append(AuditEvent.adminSignedOut(
                new EventId(ids.next()), clock.instant(), command.principal(), command.requestId()));
    }
}
