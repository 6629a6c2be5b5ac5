package dev.masker.application.port.out;

import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.vapi.SignedWebhook;
import java.util.Optional;

/**
 * Driven port: checks that a webhook delivery carries a valid Vapi credential over its exact bytes: the agent's own
 * when it has one, else one of the deployment's.
 */
public interface VerifySignaturePort {
    /**
     * Whether the delivery carries a valid credential in one of the accepted forms. Constant-time in the secret.
     *
     * @param agentCredential the agent's own credential, which replaces the deployment's; empty for the deployment's
     */
    SignatureVerdict verify(SignedWebhook delivery, Optional<WebhookCredential> agentCredential);

    /** The outcome of a signature check. */
    sealed interface SignatureVerdict {
        /** Signed, in the named form (e.g. {@code body-hmac}, {@code timestamped-hmac}, {@code plain-secret}). */
        record Valid(String form) implements SignatureVerdict {}

        /** Not signed validly; the reason is safe to log and contains no header value. */
        record Invalid(String reason) implements SignatureVerdict {}
    }
}
