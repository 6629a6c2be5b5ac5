package dev.masker.application.port.in;

import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.session.SessionId;
import java.util.Objects;

/** A token found in text of the session, whose original is wanted. */
public record RevealTokenQuery(SessionId session, PhiToken token) {
    public RevealTokenQuery {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(token, "token");
    }
}
