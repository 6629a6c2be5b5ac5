package dev.masker.adapters.persistence;

import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.SaveAgentPort;

/** The agent repository contract, held by the in-memory fake. */
class InMemoryAgentRepositoryTest extends AgentRepositoryContractTest {
    private final InMemoryAgentRepository repository = new InMemoryAgentRepository();

    @Override
    protected LoadAgentPort loadPort() {
        return repository;
    }

    @Override
    protected SaveAgentPort savePort() {
        return repository;
    }
}
