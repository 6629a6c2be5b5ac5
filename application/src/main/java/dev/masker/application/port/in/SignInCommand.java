package dev.masker.application.port.in;

import dev.masker.domain.id.RequestId;
import java.util.Objects;

/**
 * A browser signing in with an admin token. Its {@code toString} never shows the token.
 *
 * @param clientAddress where the request came from, for the log of refused sign-ins
 */
public record SignInCommand(String token, String clientAddress, RequestId requestId) {
    public SignInCommand {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(requestId, "requestId");
    }

    @Override
    public String toString() {
        return "SignInCommand[token=hidden, clientAddress=" + clientAddress + ", requestId=" + requestId.value() + "]";
    }
}
