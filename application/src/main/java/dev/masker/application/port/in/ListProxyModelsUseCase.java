package dev.masker.application.port.in;

import java.util.List;

/**
 * Driving port: the models an agent's proxy answers to ({@code GET /proxy/{agent_id}/v1/models}), for OpenAI clients
 * that list them before their first turn. Checks the agent and the proxy key as the proxy's turns do.
 */
public interface ListProxyModelsUseCase {
    /**
     * The agent's upstream model, then those in its {@code allowed_models}, each once.
     *
     * @throws dev.masker.domain.error.DomainException {@code agent_not_found} for an unknown agent,
     *         {@code unauthenticated} for a missing or wrong proxy key
     */
    List<String> models(ListProxyModelsQuery query);
}
