package dev.masker.domain.session;

import dev.masker.domain.id.Ulid;
import java.util.Objects;
import java.util.Optional;

/** The id of a session: {@code sess_} + ULID. */
public record SessionId(Ulid ulid) {
    public static final String PREFIX = "sess_";

    public SessionId {
        Objects.requireNonNull(ulid, "ulid");
    }

    public static Optional<SessionId> parse(String text) {
        if (text == null || !text.startsWith(PREFIX) || !Ulid.isValid(text.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        return Optional.of(new SessionId(new Ulid(text.substring(PREFIX.length()))));
    }

    public String value() {
        return PREFIX + ulid.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
