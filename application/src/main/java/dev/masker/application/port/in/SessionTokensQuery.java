package dev.masker.application.port.in;

import dev.masker.domain.session.SessionId;
import java.util.Objects;

/** The session whose tokens are to be opened. */
public record SessionTokensQuery(SessionId session) {
    public SessionTokensQuery {
        Objects.requireNonNull(session, "session");
    }
}
