package dev.masker.domain.assistant;

import java.util.Locale;

/** Why a configuration callback gave no usable overrides, so that the static defaults were used. */
public enum CallbackFailure {
    /** No complete answer within the agent's callback timeout. */
    TIMEOUT,
    /** The callback answered with a status other than 2xx. */
    ERROR_STATUS,
    /** The answer was not JSON of the form {@code {"assistant": {...}}}. */
    INVALID_BODY,
    /** The callback could not be reached (refused, DNS, TLS). */
    UNREACHABLE,
    /** The overrides name a model the agent's proxy would refuse on every turn (not its upstream's, nor allowed). */
    MODEL_NOT_ALLOWED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
