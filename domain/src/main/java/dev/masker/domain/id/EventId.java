package dev.masker.domain.id;

import java.util.Objects;

/** The id of one audit event: {@code evt_} + ULID. */
public record EventId(Ulid ulid) {
    public static final String PREFIX = "evt_";

    public EventId {
        Objects.requireNonNull(ulid, "ulid");
    }

    public String value() {
        return PREFIX + ulid.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
