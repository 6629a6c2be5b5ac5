package dev.masker.application.port.in;

import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.session.SessionId;
import java.util.List;
import java.util.Objects;

/** The texts of one turn (every message of a request) to mask together under a policy, in the session they belong to. */
public record MaskTextsCommand(SessionId session, List<String> texts, MaskingPolicy policy) {
    public MaskTextsCommand {
        Objects.requireNonNull(session, "session");
        texts = List.copyOf(texts);
        Objects.requireNonNull(policy, "policy");
    }

    @Override
    public String toString() {
        // The texts are PHI: never part of a log line.
        return "MaskTextsCommand[session=" + session + ", texts=" + texts.size() + ", policy=" + policy + "]";
    }
}
