package dev.masker.application.port.in;

import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.session.SessionId;
import java.util.Objects;

/** One text (a conversation turn) to mask under a policy, in the session (call) it belongs to. */
public record MaskTextCommand(SessionId session, String text, MaskingPolicy policy) {
    public MaskTextCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(policy, "policy");
    }

    @Override
    public String toString() {
        // The text is PHI: never part of a log line.
        return "MaskTextCommand[session=" + session + ", chars=" + text.length() + ", policy=" + policy + "]";
    }
}
