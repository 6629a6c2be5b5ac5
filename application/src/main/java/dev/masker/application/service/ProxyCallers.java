package dev.masker.application.service;

import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.util.Optional;

/** The first two checks of every proxy request (SPEC §7): the agent exists, and the caller holds its proxy key. */
final class ProxyCallers {
    private ProxyCallers() {}

    /**
     * The agent the id text names, when the presented key is its proxy key.
     *
     * @throws DomainException {@code agent_not_found}, then {@code unauthenticated}
     */
    static Agent admitted(LoadAgentPort agents, String agentIdText, Optional<String> presentedKey) {
        AgentId agentId = AgentId.parse(agentIdText).orElseThrow(ProxyCallers::agentNotFound);
        Agent agent = agents.load(agentId).orElseThrow(ProxyCallers::agentNotFound);
        if (!agent.proxyAccess().admits(presentedKey)) {
            throw DomainException.of(
                    ErrorCode.UNAUTHENTICATED,
                    "Send the agent's proxy key as X-Masker-Proxy-Key or as " + "Authorization: Bearer.");
        }
        return agent;
    }

    private static DomainException agentNotFound() {
        return DomainException.of(ErrorCode.AGENT_NOT_FOUND, "No agent has this id.");
    }
}
