package dev.masker.application.port.in;

import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSessionDigest;
import dev.masker.domain.id.RequestId;
import java.util.Objects;

/** Ending the sign-in session that authenticated the request. */
public record SignOutCommand(AdminSessionDigest session, AdminPrincipal principal, RequestId requestId) {
    public SignOutCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(requestId, "requestId");
    }
}
