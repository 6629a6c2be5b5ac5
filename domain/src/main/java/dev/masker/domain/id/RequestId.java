package dev.masker.domain.id;

import java.util.Objects;

/** The id Masker gives every HTTP request it answers: {@code req_} + ULID. */
public record RequestId(Ulid ulid) {
    public static final String PREFIX = "req_";

    public RequestId {
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
