package dev.masker.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * The credentials an admin API request carried. Its {@code toString} never shows them.
 *
 * @param adminToken    present whenever the request carried an {@code Authorization} header; then it alone decides
 *                      and the session cookie is not looked at. A header that is not a bearer token is passed as the
 *                      empty text, which matches no token.
 * @param sessionSecret the value of the session cookie, as sent
 * @param clientAddress the peer's address: the rate limit's key for requests that are not authenticated
 */
public record AuthenticateCommand(Optional<String> adminToken, Optional<String> sessionSecret, String clientAddress) {
    public AuthenticateCommand {
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(sessionSecret, "sessionSecret");
        Objects.requireNonNull(clientAddress, "clientAddress");
    }

    @Override
    public String toString() {
        return "AuthenticateCommand[adminToken=" + (adminToken.isPresent() ? "hidden" : "none") + ", sessionSecret="
                + (sessionSecret.isPresent() ? "hidden" : "none") + ", clientAddress=" + clientAddress + "]";
    }
}
