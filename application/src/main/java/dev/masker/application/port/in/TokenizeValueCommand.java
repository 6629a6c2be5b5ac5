package dev.masker.application.port.in;

import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.session.SessionId;
import java.util.Objects;

/** One PHI value to replace by a token of the scheme and kid, in the session (call) it was found in. */
public record TokenizeValueCommand(SessionId session, TokenScheme scheme, PhiKind kind, Kid kid, String value) {
    public TokenizeValueCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an empty value has no token");
        }
    }

    @Override
    public String toString() {
        // The value is PHI: never part of a log line.
        return "TokenizeValueCommand[session=" + session + ", scheme=" + scheme + ", kind=" + kind + ", kid=" + kid + "]";
    }
}
