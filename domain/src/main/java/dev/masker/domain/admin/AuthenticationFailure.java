package dev.masker.domain.admin;

/** Why a request to the admin API is not authenticated; each is answered {@code unauthenticated}. */
public enum AuthenticationFailure {
    /** Neither an admin token nor a session cookie was sent. */
    NO_CREDENTIALS("Send Authorization: Bearer <admin token>, or sign in at POST /api/v1/auth/session."),
    /** An Authorization header was sent, but not a configured admin token. */
    UNKNOWN_TOKEN("The admin token is not valid; send Authorization: Bearer <admin token>."),
    /** The session cookie names no session (mangled, forged, or signed in with a token no longer configured). */
    UNKNOWN_SESSION("The session is not valid; sign in again."),
    /** The session was not used for its whole lifetime. */
    EXPIRED_SESSION("The session has expired; sign in again."),
    /** The session was signed out. */
    REVOKED_SESSION("The session was signed out; sign in again.");

    private final String message;

    AuthenticationFailure(String message) {
        this.message = message;
    }

    /** What the caller is told: safe to show and to log. */
    public String message() {
        return message;
    }
}
