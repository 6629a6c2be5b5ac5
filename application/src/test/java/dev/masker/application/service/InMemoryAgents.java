package dev.masker.application.service;

import dev.masker.application.port.out.ChangeAgentPort;
import dev.masker.application.port.out.ListAgentsPort;
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
final class InMemoryAgents implements LoadAgentPort, SaveAgentPort, ChangeAgentPort, ListAgentsPort {
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

    @Override
    public ChangeOutcome update(Agent agent) {
        if (!agents.containsKey(agent.id())) {
            return new ChangeOutcome.NotFound();
        }
        String name = agent.name().value().toLowerCase(Locale.ROOT);
        if (agents.values().stream().anyMatch(a -> !a.id().equals(agent.id())
                && a.name().value().toLowerCase(Locale.ROOT).equals(name))) {
            throw DomainException.of(ErrorCode.NAME_TAKEN, "An agent already has this name.");
        }
        agents.put(agent.id(), agent);
        return new ChangeOutcome.Changed();
    }

    @Override
    public ChangeOutcome delete(AgentId id, java.time.Instant at) {
        return agents.remove(id) == null ? new ChangeOutcome.NotFound() : new ChangeOutcome.Changed();
    }

    @Override
    public List<Agent> list(Listing listing) {
        java.util.Comparator<Agent> newestFirst = java.util.Comparator.comparing(Agent::createdAt)
                .thenComparing(agent -> agent.id().value()).reversed();
        return agents.values().stream()
                .filter(agent -> listing.after().map(position -> newestFirst.compare(agent,
                        Agent.restore(position.id(), agent.name(), agent.upstream(), agent.tokenization(),
                                agent.policyName(), agent.assistantDefaults(), agent.configCallback(),
                                position.createdAt())) > 0).orElse(true))
                .filter(agent -> listing.nameContains().map(text -> agent.name().value().toLowerCase(Locale.ROOT)
                        .contains(text.toLowerCase(Locale.ROOT))).orElse(true))
                .sorted(newestFirst)
                .limit(listing.limit())
                .toList();
    }

    List<Agent> all() {
        return List.copyOf(agents.values());
    }
}
