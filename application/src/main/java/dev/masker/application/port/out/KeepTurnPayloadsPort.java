package dev.masker.application.port.out;

import dev.masker.domain.phi.Kid;
import dev.masker.domain.session.SessionId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Driven port: the payloads of proxied turns whose policy opts in with {@code log_payloads} — the request as the
 * platform sent it, what went upstream, and the answer — kept sealed under the policy's kid until the vault's retention
 * purges them. They hold PHI: an adapter seals them before they leave the process and never logs them. Every method
 * throws {@link dev.masker.domain.error.DomainException} with {@code unavailable} when the store cannot be reached.
 */
public interface KeepTurnPayloadsPort {
    /** Keeps the payload; a second one for the same session and request is ignored. */
    void keep(TurnPayload payload);

    /** The session's payloads that open under the configured keys, by request id. */
    Map<String, Map<String, Object>> ofSession(SessionId session);

    /** One turn's payload: PHI, never shown by {@link #toString}. */
    record TurnPayload(SessionId session, String requestId, Kid kid, Instant at, Map<String, Object> content) {
        public TurnPayload {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String toString() {
            return "TurnPayload[session=" + session + ", request=" + requestId + ", kid=" + kid + "]";
        }
    }
}
