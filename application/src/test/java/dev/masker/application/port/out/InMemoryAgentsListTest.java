package dev.masker.application.port.out;

import dev.masker.testsupport.ports.InMemoryAgents;
import dev.masker.testsupport.ports.ListAgentsContractTest;

/** The agent list contract, held by the in-memory fake the service tests use; JUnit makes a new, empty one per test. */
class InMemoryAgentsListTest extends ListAgentsContractTest {
    private final InMemoryAgents agents = new InMemoryAgents();

    @Override
    protected ListAgentsPort listPort() {
        return agents;
    }

    @Override
    protected SaveAgentPort savePort() {
        return agents;
    }

    @Override
    protected ChangeAgentPort changePort() {
        return agents;
    }
}
