package dev.masker.domain.assistant;

import java.util.Objects;
import java.util.Optional;

/** The assistant configuration chosen for one call, with where it came from and, on fallback, why. */
public record ResolvedAssistant(AssistantConfig config, ConfigSource source, Optional<CallbackFailure> fallbackReason) {
    public ResolvedAssistant {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fallbackReason, "fallbackReason");
        if ((source == ConfigSource.CALLBACK_FALLBACK) != fallbackReason.isPresent()) {
            throw new IllegalArgumentException("a fallback, and only a fallback, has a reason");
        }
    }

    public static ResolvedAssistant fromDefaults(AssistantConfig defaults) {
        return new ResolvedAssistant(defaults, ConfigSource.STATIC, Optional.empty());
    }

    public static ResolvedAssistant fromCallback(AssistantConfig defaults, AssistantConfig overrides) {
        return new ResolvedAssistant(defaults.mergedWith(overrides), ConfigSource.CALLBACK, Optional.empty());
    }

    public static ResolvedAssistant fallback(AssistantConfig defaults, CallbackFailure reason) {
        return new ResolvedAssistant(defaults, ConfigSource.CALLBACK_FALLBACK, Optional.of(reason));
    }
}
