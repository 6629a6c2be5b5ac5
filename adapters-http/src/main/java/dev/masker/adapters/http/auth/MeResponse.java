package dev.masker.adapters.http.auth;

import dev.masker.application.port.in.AuthenticateUseCase.Authentication.Authenticated;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Who the caller is signed in as: {@code via} is {@code session} or {@code token}; {@code session_expires_at} is when
 * the session ends unless it is used again (null for a token).
 */
public record MeResponse(String principal, String via, String session_expires_at) {
    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static MeResponse of(Authenticated authentication) {
        return new MeResponse(
                authentication.principal().value(),
                authentication.via().wireName(),
                authentication
                        .session()
                        .map(session -> RFC_3339_MILLIS.format(session.expiresAt()))
                        .orElse(null));
    }
}
