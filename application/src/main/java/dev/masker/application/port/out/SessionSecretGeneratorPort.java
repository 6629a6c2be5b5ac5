package dev.masker.application.port.out;

import dev.masker.domain.admin.AdminSessionSecret;

/** Driven port: new, unguessable secrets for sign-in session cookies. */
public interface SessionSecretGeneratorPort {
    /** A fresh secret from a cryptographic generator. */
    AdminSessionSecret next();
}
