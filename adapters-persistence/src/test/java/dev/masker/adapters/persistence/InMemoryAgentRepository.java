package dev.masker.adapters.persistence;

import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An in-memory agent repository for tests of the services; it keeps the same contract as the PostgreSQL one. */
final class InMemoryAgentRepository implements LoadAgentPort, SaveAgentPort {
    private final Map<AgentId, Agent> agents = new HashMap<>();

    @Override
    public synchronized Optional<Agent> load(AgentId id) {
        return Optional.ofNullable(agents.get(id));
    }

    @Override
    public synchronized void create(Agent agent) {
        String name = agent.name().value().toLowerCase(Locale.ROOT);
        if (agents.values().stream().anyMatch(live -> live.name().value().toLowerCase(Locale.ROOT).equals(name))) {
            throw DomainException.of(ErrorCode.NAME_TAKEN, "A live agent already has this name.");
        }
        if (agents.putIfAbsent(agent.id(), agent) != null) {
            throw new IllegalStateException("an agent with this id is already stored");
        }
    }
}
