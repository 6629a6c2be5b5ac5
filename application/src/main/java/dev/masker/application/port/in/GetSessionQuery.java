package dev.masker.application.port.in;

import java.util.Objects;

/** The session id exactly as the caller wrote it. */
public record GetSessionQuery(String sessionIdText) {
    public GetSessionQuery {
        Objects.requireNonNull(sessionIdText, "sessionIdText");
    }
}
