package dev.masker.domain.phi;

import java.util.List;
import java.util.Objects;

/** The outcome of rehydrating one whole text: the text with the session's tokens put back, how many, and the leaks. */
public record Rehydration(String text, int restored, List<LeakFinding> findings) {
    public Rehydration {
        Objects.requireNonNull(text, "text");
        findings = List.copyOf(findings);
        if (restored < 0) {
            throw new IllegalArgumentException("restored is never negative");
        }
    }

    /** Counts only: the text holds the originals, which must never reach a log. */
    @Override
    public String toString() {
        return "Rehydration[restored=" + restored + ", findings=" + findings + "]";
    }
}
