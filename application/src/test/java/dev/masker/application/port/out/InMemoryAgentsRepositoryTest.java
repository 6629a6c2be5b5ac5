package dev.masker.application.port.out;

import dev.masker.testsupport.ports.AgentRepositoryContractTest;
import dev.masker.testsupport.ports.InMemoryAgents;

/** The agent repository contract, held by the in-memory fake the service tests use. */
class InMemoryAgentsRepositoryTest extends AgentRepositoryContractTest {
    private final InMemoryAgents agents = new InMemoryAgents();

    @Override
    protected LoadAgentPort loadPort() {
        return agents;
    }

    @Override
    protected SaveAgentPort savePort() {
        return agents;
    }
}
