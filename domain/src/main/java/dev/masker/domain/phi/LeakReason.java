package dev.masker.domain.phi;

import java.util.Locale;

/** Why a well-formed token was left in an answer instead of being put back. Codes are a contract: add, never rename. */
public enum LeakReason {
    /** The token names a known kind, but the current session cannot provide its original: another session's, or forged. */
    FOREIGN_OR_FORGED,
    /** The token has the token shape, but its kind field is not a kind Masker knows, so no session made it. */
    UNKNOWN_KIND;

    /** The reason as it appears in audit events and reports, e.g. {@code foreign_or_forged}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
