package dev.masker.testsupport.ports;

import dev.masker.application.port.out.ChangeAgentPort;
import dev.masker.application.port.out.ListAgentsPort;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The agent repository in memory, for tests of the services: live names unique ignoring case, and it counts how often it
 * is read. It holds the contracts of the agent ports as the PostgreSQL adapter does, except that a deleted agent is
 * forgotten rather than kept out of sight.
 */
public final class InMemoryAgents implements LoadAgentPort, SaveAgentPort, ChangeAgentPort, ListAgentsPort {
    private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
    private final List<AgentId> loads = new ArrayList<>();

    /** Stores the agent as it is, without the name check: a repository that already holds it. */
    public synchronized InMemoryAgents with(Agent agent) {
        agents.put(agent.id(), agent);
        return this;
    }

    @Override
    public synchronized Optional<Agent> load(AgentId id) {
        loads.add(id);
        return Optional.ofNullable(agents.get(id));
    }

    @Override
    public synchronized void create(Agent agent) {
        String name = agent.name().value().toLowerCase(Locale.ROOT);
        if (agents.values().stream()
                .anyMatch(a -> a.name().value().toLowerCase(Locale.ROOT).equals(name))) {
            throw DomainException.of(ErrorCode.NAME_TAKEN, "An agent already has this name.");
        }
        agents.put(agent.id(), agent);
    }

    @Override
    public synchronized ChangeOutcome update(Agent agent) {
        if (!agents.containsKey(agent.id())) {
            return new ChangeOutcome.NotFound();
        }
        String name = agent.name().value().toLowerCase(Locale.ROOT);
        if (agents.values().stream()
                .anyMatch(a -> !a.id().equals(agent.id())
                        && a.name().value().toLowerCase(Locale.ROOT).equals(name))) {
            throw DomainException.of(ErrorCode.NAME_TAKEN, "An agent already has this name.");
        }
        agents.put(agent.id(), agent);
        return new ChangeOutcome.Changed();
    }

    @Override
    public synchronized ChangeOutcome delete(AgentId id, Instant at) {
        return agents.remove(id) == null ? new ChangeOutcome.NotFound() : new ChangeOutcome.Changed();
    }

    @Override
    public synchronized List<Agent> list(Listing listing) {
        Comparator<Agent> newestFirst = Comparator.comparing(Agent::createdAt)
                .thenComparing(agent -> agent.id().value())
                .reversed();
        return agents.values().stream()
                .filter(agent -> listing.after()
                        .map(position -> newestFirst.compare(
                                        agent,
                                        Agent.restore(
                                                position.id(),
                                                agent.name(),
                                                agent.upstream(),
                                                agent.tokenization(),
                                                agent.policyName(),
                                                agent.assistantDefaults(),
                                                agent.configCallback(),
                                                position.createdAt()))
                                > 0)
                        .orElse(true))
                .filter(agent -> listing.nameContains()
                        .map(text ->
                                agent.name().value().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)))
                        .orElse(true))
                .sorted(newestFirst)
                .limit(listing.limit())
                .toList();
    }

    /** Every agent stored, in the order stored. */
    public synchronized List<Agent> all() {
        return List.copyOf(agents.values());
    }

    /** The id of every load so far, in order. */
    public synchronized List<AgentId> loads() {
        return List.copyOf(loads);
    }
}
