package dev.masker.application.port.in;

import dev.masker.domain.phi.PhiKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A masked text and how many values of each kind were found in it (tokenized, redacted or passed alike). The counts are
 * safe to audit and log; the text is not logged (a {@code pass} action leaves values in it).
 */
public record MaskedText(String text, Map<PhiKind, Integer> counts) {
    public MaskedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(counts, "counts");
        EnumMap<PhiKind, Integer> copy = new EnumMap<>(PhiKind.class);
        copy.putAll(counts);
        counts = Map.copyOf(copy);
    }

    /** How many values were found in all. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        return "MaskedText[chars=" + text.length() + ", counts=" + new EnumMap<>(counts) + "]";
    }
}
