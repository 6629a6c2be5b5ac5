package dev.masker.application.port.out;

import dev.masker.domain.vapi.SignedWebhook;

/** Driven port: checks that a webhook delivery was signed with Masker's webhook secret, over its exact bytes. */
public interface VerifySignaturePort {
    /** Whether the delivery carries a valid signature in one of the accepted forms. Constant-time in the secret. */
    SignatureVerdict verify(SignedWebhook delivery);

    /** The outcome of a signature check. */
    sealed interface SignatureVerdict {
        /** Signed, in the named form (e.g. {@code hex}, {@code timestamped}). */
        record Valid(String form) implements SignatureVerdict { }

        /** Not signed validly; the reason is safe to log and contains no header value. */
        record Invalid(String reason) implements SignatureVerdict { }
    }
}
