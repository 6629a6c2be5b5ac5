package dev.masker.application.port.out;

import dev.masker.domain.agent.AgentId;
import dev.masker.testsupport.ports.AgentRepositoryContractTest;
import dev.masker.testsupport.ports.InMemoryProxySessions;
import dev.masker.testsupport.ports.ProxySessionContractTest;

/** The proxy session contract, held by the in-memory fake the service tests use. */
class InMemoryProxySessionsTest extends ProxySessionContractTest {
    private final InMemoryProxySessions sessions = new InMemoryProxySessions();

    @Override
    protected ProxySessionPort sessions() {
        return sessions;
    }

    /** The fake keeps no agents: any id will do. */
    @Override
    protected AgentId storedAgent() {
        return AgentRepositoryContractTest.newId();
    }
}
