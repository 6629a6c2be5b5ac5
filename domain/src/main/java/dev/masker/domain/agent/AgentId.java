package dev.masker.domain.agent;

import dev.masker.domain.id.Ulid;
import java.util.Objects;
import java.util.Optional;

/** The id of an agent: {@code agt_} + ULID. */
public record AgentId(Ulid ulid) {
    public static final String PREFIX = "agt_";

    public AgentId {
        Objects.requireNonNull(ulid, "ulid");
    }

    /** The agent id written in the text, or empty when the text is not {@code agt_} + a valid ULID. */
    public static Optional<AgentId> parse(String text) {
        if (text == null || !text.startsWith(PREFIX) || !Ulid.isValid(text.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        return Optional.of(new AgentId(new Ulid(text.substring(PREFIX.length()))));
    }

    public String value() {
        return PREFIX + ulid.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
