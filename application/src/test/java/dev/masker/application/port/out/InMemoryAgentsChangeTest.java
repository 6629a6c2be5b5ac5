package dev.masker.application.port.out;

import dev.masker.testsupport.ports.ChangeAgentContractTest;
import dev.masker.testsupport.ports.InMemoryAgents;

/** The contract of the agent repository's changing side, held by the in-memory fake the service tests use. */
class InMemoryAgentsChangeTest extends ChangeAgentContractTest {
    private final InMemoryAgents agents = new InMemoryAgents();

    @Override
    protected ChangeAgentPort changePort() {
        return agents;
    }

    @Override
    protected LoadAgentPort loadPort() {
        return agents;
    }

    @Override
    protected SaveAgentPort savePort() {
        return agents;
    }
}
