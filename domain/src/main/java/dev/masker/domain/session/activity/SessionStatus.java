package dev.masker.domain.session.activity;

import java.util.Locale;
import java.util.Optional;

/**
 * How a session's turns went: {@code ok} when none failed, {@code error} when every turn failed, {@code partial} when
 * some did. A turn the caller left (outcome {@code client_gone}: a caller who talks over the agent cancels its stream)
 * is not a failure.
 */
public enum SessionStatus {
    OK,
    ERROR,
    PARTIAL;

    /** The status of a session with {@code turns} turns of which {@code failed} failed. */
    public static SessionStatus of(long turns, long failed) {
        if (failed == 0) {
            return OK;
        }
        return failed >= turns ? ERROR : PARTIAL;
    }

    /** Whether a turn's outcome counts as a failure. */
    public static boolean isFailure(String outcome) {
        return !"ok".equals(outcome) && !"client_gone".equals(outcome);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionStatus> parse(String text) {
        for (SessionStatus status : values()) {
            if (status.wireName().equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
