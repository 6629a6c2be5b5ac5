package dev.masker.testsupport.ports;

import dev.masker.application.port.out.ProxySessionPort;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.vapi.CallId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Proxy sessions in memory: one per agent and call id, as the real store keeps them; a turn without a call id is its own. */
public final class InMemoryProxySessions implements ProxySessionPort {
    private final Map<String, SessionId> byCall = new HashMap<>();
    private final Map<String, Instant> started = new HashMap<>();
    /** The ends recorded, by agent and call id: the first one wins, as in the real store. */
    private final Map<String, String> ended = new HashMap<>();

    private final List<Optional<String>> asked = new ArrayList<>();

    /** A session the call already has, started at {@code at}. */
    public synchronized InMemoryProxySessions withSession(AgentId agent, String callId, SessionId session, Instant at) {
        byCall.put(key(agent, callId), session);
        started.put(key(agent, callId), at);
        return this;
    }

    @Override
    public synchronized SessionId sessionFor(AgentId agent, Optional<String> callId, SessionId fresh, Instant now) {
        asked.add(callId);
        if (callId.isEmpty()) {
            return fresh;
        }
        String key = key(agent, callId.get());
        started.putIfAbsent(key, now);
        return byCall.computeIfAbsent(key, unknown -> fresh);
    }

    @Override
    public synchronized Optional<CallSession> endCall(AgentId agent, CallId call, Instant endedAt, String endedReason) {
        String key = key(agent, call.value());
        SessionId session = byCall.get(key);
        if (session == null) {
            return Optional.empty();
        }
        ended.putIfAbsent(key, endedReason);
        return Optional.of(new CallSession(session, started.get(key)));
    }

    /** The call id of every turn that asked for its session, in order. */
    public synchronized List<Optional<String>> asked() {
        return List.copyOf(asked);
    }

    /** The ended reason recorded for each call, by agent id and call id joined with a space. */
    public synchronized Map<String, String> ended() {
        return Map.copyOf(ended);
    }

    private static String key(AgentId agent, String callId) {
        return agent.value() + " " + callId;
    }
}
