package dev.masker.application.port.in;

import java.util.Objects;
import java.util.Optional;

/** The list parameters as the caller wrote them: {@code limit} (1–100, default 25), {@code cursor}, {@code name_contains}. */
public record ListAgentsQuery(Optional<String> limit, Optional<String> cursor, Optional<String> nameContains) {
    public ListAgentsQuery {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(nameContains, "nameContains");
    }
}
