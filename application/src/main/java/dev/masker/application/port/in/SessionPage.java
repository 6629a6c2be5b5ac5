package dev.masker.application.port.in;

import dev.masker.domain.session.activity.SessionSummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of sessions and the opaque cursor of the next page. */
public record SessionPage(List<SessionSummary> sessions, Optional<String> nextCursor) {
    public SessionPage {
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
