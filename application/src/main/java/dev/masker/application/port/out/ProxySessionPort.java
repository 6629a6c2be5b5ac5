package dev.masker.application.port.out;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.vapi.CallId;
import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: the sessions of the proxy — one per call of an agent (SPEC §1), found again by the platform's call id on
 * every turn of the call, by every instance sharing the database.
 */
public interface ProxySessionPort {
    /**
     * The session of the agent's call: the one already started for the call id, or {@code fresh}, started now. A turn
     * without a call id is a session of its own ({@code fresh}).
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the store cannot be reached
     */
    SessionId sessionFor(AgentId agent, Optional<String> callId, SessionId fresh, Instant now);

    /**
     * Ends the session of the agent's call: records when it ended and why (Vapi's ended reason, an identifier). Ending
     * it again changes nothing. Empty when the call has no session (no turn of it was proxied).
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the store cannot be reached
     */
    Optional<CallSession> endCall(AgentId agent, CallId call, Instant endedAt, String endedReason);

    /** A call's session and when it started. */
    record CallSession(SessionId id, Instant startedAt) {}
}
