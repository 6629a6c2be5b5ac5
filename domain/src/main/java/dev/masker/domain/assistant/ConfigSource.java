package dev.masker.domain.assistant;

import java.util.Locale;

/** Where a call's assistant configuration came from, as recorded in its {@code call_started} event. */
public enum ConfigSource {
    /** The agent's static defaults; it has no callback. */
    STATIC,
    /** The defaults merged with the callback's overrides. */
    CALLBACK,
    /** The callback failed; the static defaults were used. */
    CALLBACK_FALLBACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
