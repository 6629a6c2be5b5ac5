package dev.masker.application.service;

import dev.masker.application.port.out.ProxySessionPort;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.session.SessionId;
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
}
