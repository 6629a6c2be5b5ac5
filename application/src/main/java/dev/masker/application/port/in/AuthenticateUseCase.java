package dev.masker.application.port.in;

import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AuthenticationFailure;
import dev.masker.domain.admin.Credential;
import java.util.Objects;
import java.util.Optional;

/**
 * Admits a request to the admin API (SPEC §5): authenticates it by admin token or sign-in session, moves a session's
 * sliding expiry on, and charges the request to its caller's rate limit — the principal's when it is authenticated,
 * the client address's when it is not.
 */
public interface AuthenticateUseCase {
    /**
     * Who made the request, or why nobody is known to have; the caller decides whether a route needs someone.
     *
     * @throws dev.masker.domain.error.DomainException with {@code rate_limited} when the caller is over its limit, or
     *         {@code unavailable} when the session store cannot be reached
     */
    Authentication authenticate(AuthenticateCommand command);

    /** The outcome of authenticating a request. */
    sealed interface Authentication {
        /**
         * The request is an admin's.
         *
         * @param session the session that authenticated it, when {@code via} is {@link Credential#SESSION}
         * @param renewed whether this request moved the session's expiry on (so its cookie should be sent again)
         */
        record Authenticated(AdminPrincipal principal, Credential via, Optional<AdminSession> session, boolean renewed)
                implements Authentication {
            public Authenticated {
                Objects.requireNonNull(principal, "principal");
                Objects.requireNonNull(via, "via");
                Objects.requireNonNull(session, "session");
                if (session.isPresent() != (via == Credential.SESSION)) {
                    throw new IllegalArgumentException("a session comes with, and only with, session authentication");
                }
            }
        }

        /** Nobody is known to have made the request, and why. */
        record Anonymous(AuthenticationFailure failure) implements Authentication {
            public Anonymous {
                Objects.requireNonNull(failure, "failure");
            }
        }
    }
}
