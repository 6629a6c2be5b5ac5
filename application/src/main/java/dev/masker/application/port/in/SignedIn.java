package dev.masker.application.port.in;

import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionSecret;
import java.util.Objects;

/** A new sign-in: the secret to hand to the browser (once; it is not stored) and the session stored for it. */
public record SignedIn(AdminSessionSecret secret, AdminSession session) {
    public SignedIn {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(session, "session");
    }
}
