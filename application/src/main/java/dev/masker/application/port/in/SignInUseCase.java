package dev.masker.application.port.in;

/** Signs a browser in to the admin API with an admin token (SPEC §5: {@code POST /api/v1/auth/session}). */
public interface SignInUseCase {
    /**
     * A new session for the principal of the token, stored and audited.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unauthenticated} when the token is not a configured
     *         admin token, {@code unavailable} or {@code audit_unavailable}
     */
    SignedIn signIn(SignInCommand command);
}
