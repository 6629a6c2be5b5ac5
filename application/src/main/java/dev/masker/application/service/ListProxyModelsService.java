package dev.masker.application.service;

import dev.masker.application.port.in.ListProxyModelsQuery;
import dev.masker.application.port.in.ListProxyModelsUseCase;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.domain.agent.Agent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Lists the models an agent's proxy answers to, after the proxy's agent and key checks. */
public final class ListProxyModelsService implements ListProxyModelsUseCase {
    private final LoadAgentPort agents;

    public ListProxyModelsService(LoadAgentPort agents) {
        this.agents = Objects.requireNonNull(agents, "agents");
    }

    @Override
    public List<String> models(ListProxyModelsQuery query) {
        Agent agent = ProxyCallers.admitted(agents, query.agentIdText(), query.presentedKey());
        Set<String> models = new LinkedHashSet<>();
        models.add(agent.upstream().model());
        models.addAll(agent.proxyAccess().allowedModels());
        return List.copyOf(models);
    }
}
