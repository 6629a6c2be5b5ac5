package dev.masker.application.service;

import dev.masker.application.port.in.AuthenticateCommand;
import dev.masker.application.port.in.AuthenticateUseCase;
import dev.masker.application.port.out.KeepAdminSessionsPort;
import dev.masker.application.port.out.LimitRequestRatePort;
import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionSecret;
import dev.masker.domain.admin.AdminTokens;
import dev.masker.domain.admin.AuthenticationFailure;
import dev.masker.domain.admin.Credential;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.ratelimit.RateDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates admin API requests by bearer token (checked in memory) or session cookie (looked up on every request,
 * so a sign-out holds at once on every instance), then charges the rate limit: per principal, so a token and the
 * sessions signed in with it share one allowance, and per client address for requests that are not authenticated.
 * A session's expiry is moved on only after the request is admitted, and at most once a minute.
 */
public final class AuthenticateService implements AuthenticateUseCase {
    private final AdminTokens tokens;
    private final KeepAdminSessionsPort sessions;
    private final LimitRequestRatePort rateLimit;
    private final Clock clock;

    public AuthenticateService(
            AdminTokens tokens, KeepAdminSessionsPort sessions, LimitRequestRatePort rateLimit, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Authentication authenticate(AuthenticateCommand command) {
        if (command.adminToken().isPresent()) {
            Optional<AdminPrincipal> principal =
                    tokens.match(command.adminToken().get());
            if (principal.isEmpty()) {
                return anonymous(AuthenticationFailure.UNKNOWN_TOKEN, command);
            }
            admit(principal.get());
            return new Authentication.Authenticated(principal.get(), Credential.ADMIN_TOKEN, Optional.empty(), false);
        }
        if (command.sessionSecret().isEmpty()) {
            return anonymous(AuthenticationFailure.NO_CREDENTIALS, command);
        }
        // A cookie that is not shaped like a secret is not looked up.
        Optional<AdminSession> found = AdminSessionSecret.parse(
                        command.sessionSecret().get())
                .flatMap(secret -> sessions.find(secret.digest()));
        if (found.isEmpty()) {
            return anonymous(AuthenticationFailure.UNKNOWN_SESSION, command);
        }
        AdminSession session = found.get();
        Instant now = clock.instant();
        switch (session.statusAt(now)) {
            case REVOKED -> {
                return anonymous(AuthenticationFailure.REVOKED_SESSION, command);
            }
            case EXPIRED -> {
                return anonymous(AuthenticationFailure.EXPIRED_SESSION, command);
            }
            case ACTIVE -> {
                // Removing a token from the configuration ends the sessions signed in with it too.
                if (!tokens.stillConfigured(session.principal())) {
                    return anonymous(AuthenticationFailure.UNKNOWN_SESSION, command);
                }
            }
        }
        admit(session.principal());
        if (!session.isDueForExtensionAt(now)) {
            return new Authentication.Authenticated(
                    session.principal(), Credential.SESSION, Optional.of(session), false);
        }
        AdminSession extended = session.extendedAt(now);
        sessions.extend(extended.digest(), extended.lastSeenAt(), extended.expiresAt());
        return new Authentication.Authenticated(session.principal(), Credential.SESSION, Optional.of(extended), true);
    }

    private Authentication anonymous(AuthenticationFailure failure, AuthenticateCommand command) {
        charge("address:" + command.clientAddress());
        return new Authentication.Anonymous(failure);
    }

    private void admit(AdminPrincipal principal) {
        charge("principal:" + principal.value());
    }

    private void charge(String key) {
        if (rateLimit.tryAcquire(key) instanceof RateDecision.Limited limited) {
            throw DomainException.rateLimited(limited.retryAfter());
        }
    }
}
