package dev.masker.application.port.in;

/** Signs a browser session out (SPEC §5: {@code DELETE /api/v1/auth/session}). */
public interface SignOutUseCase {
    /**
     * Revokes the session at once, for every instance sharing the store, and audits it.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} or {@code audit_unavailable}
     */
    void signOut(SignOutCommand command);
}
