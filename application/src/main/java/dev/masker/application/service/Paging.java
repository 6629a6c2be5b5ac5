package dev.masker.application.service;

import dev.masker.domain.error.FieldProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What every list of the API shares (SPEC §3): {@code limit} from 1 to 100, 25 by default, and a keyset position — a
 * time and an id, written {@code kind:seconds:nanos:id} — that the list's signed cursor carries.
 */
final class Paging {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private Paging() {}

    /** The page size the caller wrote, or the default; a bad one is added to the problems. */
    static int limit(Optional<String> text, List<FieldProblem> problems) {
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        problems.add(new FieldProblem("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    /** A list's position after an item with this time and id. */
    static String position(String kind, Instant at, String id) {
        return kind + ":" + at.getEpochSecond() + ":" + at.getNano() + ":" + id;
    }

    /** The time and id a position of this kind holds; empty for any other text. */
    static Optional<Keyset> keyset(String kind, String position) {
        String[] parts = position.split(":");
        if (parts.length != 4 || !kind.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new Keyset(Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2])), parts[3]));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** An item's place in a list ordered by time, then id. */
    record Keyset(Instant at, String id) {}
}
