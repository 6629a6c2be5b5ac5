package dev.masker.application.service;

import dev.masker.application.port.in.SignInCommand;
import dev.masker.application.port.in.SignInUseCase;
import dev.masker.application.port.in.SignedIn;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.KeepAdminSessionsPort;
import dev.masker.application.port.out.SessionSecretGeneratorPort;
import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionSecret;
import dev.masker.domain.admin.AdminTokens;
import dev.masker.domain.admin.AuthenticationFailure;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.EventId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Exchanges an admin token for a sign-in session: checks the token in constant time, stores the new session under the
 * digest of a fresh secret, then audits the sign-in. Should the audit log refuse the event, the secret is never
 * handed out, so the stored session can never be used. Refused sign-ins are logged (never the token offered).
 */
public final class SignInService implements SignInUseCase {
    private static final System.Logger LOG = System.getLogger(SignInService.class.getName());

    private final AdminTokens tokens;
    private final KeepAdminSessionsPort sessions;
    private final SessionSecretGeneratorPort secrets;
    private final AppendAuditEventPort audit;
    private final IdGeneratorPort ids;
    private final Clock clock;

    public SignInService(
            AdminTokens tokens,
            KeepAdminSessionsPort sessions,
            SessionSecretGeneratorPort secrets,
            AppendAuditEventPort audit,
            IdGeneratorPort ids,
            Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SignedIn signIn(SignInCommand command) {
        Optional<AdminPrincipal> principal = tokens.match(command.token());
        if (principal.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "{0}: sign-in from {1} refused: the token is not a configured admin token",
                    command.requestId().value(),
                    command.clientAddress());
            throw DomainException.of(ErrorCode.UNAUTHENTICATED, AuthenticationFailure.UNKNOWN_TOKEN.message());
        }
        AdminSessionSecret secret = secrets.next();
        AdminSession session = AdminSession.create(secret.digest(), principal.get(), clock.instant());
        sessions.create(session);
        audit.append(AuditEvent.adminSignedIn(
                new EventId(ids.next()), clock.instant(), principal.get(), command.requestId()));
        return new SignedIn(secret, session);
    }
}
