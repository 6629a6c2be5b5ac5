package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiSpan;
import java.util.List;
import java.util.Objects;

/**
 * One span {@link PhiDetector#explain} found, with why: the recognizer that proposed it, its evidence where the
 * recognizer names one (a field's name, a context word, a format), whether it was read in the normalized view (spoken,
 * structured or accented forms written out), the priority that won the merge, and the candidates of the same kind that
 * widened it. The evidence is Masker's own vocabulary, never text of the turn.
 */
public record ExplainedSpan(
        PhiSpan span,
        String recognizer,
        String evidence,
        boolean normalizedView,
        int priority,
        List<String> widenedBy) {
    public ExplainedSpan {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(recognizer, "recognizer");
        Objects.requireNonNull(evidence, "evidence");
        widenedBy = List.copyOf(widenedBy);
    }
}
