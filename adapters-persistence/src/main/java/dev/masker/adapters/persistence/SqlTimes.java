package dev.masker.adapters.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Reading a {@code timestamptz} column: the driver gives a {@link Timestamp} or an {@link OffsetDateTime}. */
final class SqlTimes {
    private SqlTimes() {}

    /** The instant the column's value holds; empty when it is neither type (never its value in a message). */
    static Optional<Instant> instant(Object value) {
        return switch (value) {
            case Timestamp timestamp -> Optional.of(timestamp.toInstant());
            case OffsetDateTime dateTime -> Optional.of(dateTime.toInstant());
            case null, default -> Optional.empty();
        };
    }
}
