package dev.masker.application.port.in;

import dev.masker.domain.session.SessionId;
import java.util.Objects;

/** A text from upstream (an answer) whose tokens the session should put back. */
public record RehydrateTextCommand(SessionId session, String text) {
    public RehydrateTextCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "RehydrateTextCommand[session=" + session + ", chars=" + text.length() + "]";
    }
}
