package dev.masker.application.port.in;

import dev.masker.domain.agent.Agent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of agents and the opaque cursor of the next page. */
public record AgentPage(List<Agent> agents, Optional<String> nextCursor) {
    public AgentPage {
        agents = List.copyOf(agents);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
