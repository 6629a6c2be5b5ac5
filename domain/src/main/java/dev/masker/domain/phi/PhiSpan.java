package dev.masker.domain.phi;

import java.util.Objects;

/**
 * Where one PHI value is in a text: UTF-16 offsets ({@code String} indices), {@code end} exclusive, and its kind.
 * {@code text.substring(start, end)} is the value.
 */
public record PhiSpan(int start, int end, PhiKind kind) {
    public PhiSpan {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a span needs 0 <= start < end");
        }
    }

    /** Whether the two spans share at least one character. */
    public boolean overlaps(PhiSpan other) {
        return start < other.end && other.start < end;
    }
}
