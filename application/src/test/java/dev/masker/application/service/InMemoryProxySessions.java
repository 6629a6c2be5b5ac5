package dev.masker.application.service;

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
final class InMemoryProxySessions implements ProxySessionPort {
    private final Map<String, SessionId> byCall = new HashMap<>();
    final List<Optional<String>> asked = new ArrayList<>();

    @Override
    public SessionId sessionFor(AgentId agent, Optional<String> callId, SessionId fresh, Instant now) {
        asked.add(callId);
        return callId.map(id -> byCall.computeIfAbsent(agent.value() + " " + id, key -> fresh)).orElse(fresh);
    }

    /** The ends recorded, by agent and call id: the first one wins, as in the real store. */
    final Map<String, String> ended = new HashMap<>();
    private final Map<String, Instant> started = new HashMap<>();

    /** A session the call already has, started at {@code at}. */
    InMemoryProxySessions withSession(AgentId agent, String callId, SessionId session, Instant at) {
        byCall.put(agent.value() + " " + callId, session);
        started.put(agent.value() + " " + callId, at);
        return this;
    }

    @Override
    public Optional<CallSession> endCall(AgentId agent, CallId call, Instant endedAt, String endedReason) {
        String key = agent.value() + " " + call.value();
        SessionId session = byCall.get(key);
        if (session == null) {
            return Optional.empty();
        }
        ended.putIfAbsent(key, endedReason);
        return Optional.of(new CallSession(session, started.getOrDefault(key, endedAt)));
    }
}
