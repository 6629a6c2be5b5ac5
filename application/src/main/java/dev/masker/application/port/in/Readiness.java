package dev.masker.application.port.in;

import java.util.Map;

/** Whether each named dependency answered, and so whether the instance is ready. */
public record Readiness(Map<String, Boolean> checks) {
    public Readiness {
        checks = Map.copyOf(checks);
    }

    public boolean ready() {
        return checks.values().stream().allMatch(Boolean::booleanValue);
    }
}
