package dev.masker.adapters.http;

import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionSecret;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Optional;

/**
 * The browser sign-in cookie, {@code masker_session} (SPEC §5): sent only to {@code /api/v1}, never readable by page
 * scripts, only over HTTPS, not on cross-site sub-requests, and kept as long as the session's sliding lifetime.
 */
public final class SessionCookie {
    /** The cookie's name. */
    public static final String NAME = "masker_session";

    private static final String ATTRIBUTES = "; Path=/api/v1; HttpOnly; Secure; SameSite=Lax; Max-Age=";

    private SessionCookie() {}

    /** The {@code Set-Cookie} value that hands the secret to the browser for a whole session lifetime. */
    public static String issue(AdminSessionSecret secret) {
        return NAME + "=" + secret.value() + ATTRIBUTES + AdminSession.LIFETIME.toSeconds();
    }

    /** The {@code Set-Cookie} value that makes the browser drop the cookie at once. */
    public static String clear() {
        return NAME + "=" + ATTRIBUTES + "0";
    }

    /** The value of the first {@code masker_session} cookie the request carries, exactly as sent. */
    public static Optional<String> read(ServerRequest request) {
        List<String> headers = request.headers().values(HeaderNames.COOKIE);
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equals(NAME)) {
                    return Optional.of(pair.substring(equals + 1).strip());
                }
            }
        }
        return Optional.empty();
    }
}
