package dev.masker.domain.error;

import java.util.Objects;

/** One reason a request field was rejected, e.g. {@code name}: "must be 1 to 64 characters". */
public record FieldProblem(String field, String problem) {
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }
}
