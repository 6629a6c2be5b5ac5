package dev.masker.application.service;

import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An in-memory agent repository that counts how often it is read, with live names unique ignoring case. */
final class InMemoryAgents implements LoadAgentPort, SaveAgentPort {
    private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
    final List<AgentId> loads = new ArrayList<>();

    InMemoryAgents with(Agent agent) {
        agents.put(agent.id(), agent);
        return this;
    }

    @Override
    public Optional<Agent> load(AgentId id) {
        loads.add(id);
        return Optional.ofNullable(agents.get(id));
    }

    @Override
    public void create(Agent agent) {
        String name = agent.name().value().toLowerCase(Locale.ROOT);
        if (agents.values().stream().anyMatch(a -> a.name().value().toLowerCase(Locale.ROOT).equals(name))) {
            throw DomainException.of(ErrorCode.NAME_TAKEN, "An agent already has this name.");
        }
        agents.put(agent.id(), agent);
    }

    List<Agent> all() {
        return List.copyOf(agents.values());
    }
}
