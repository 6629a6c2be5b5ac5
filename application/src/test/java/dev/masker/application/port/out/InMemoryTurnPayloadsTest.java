package dev.masker.application.port.out;

import dev.masker.testsupport.ports.InMemoryTurnPayloads;
import dev.masker.testsupport.ports.KeepTurnPayloadsContractTest;

/** The kept turn payloads contract, held by the in-memory fake the service tests use. */
class InMemoryTurnPayloadsTest extends KeepTurnPayloadsContractTest {
    private final InMemoryTurnPayloads payloads = new InMemoryTurnPayloads();

    @Override
    protected KeepTurnPayloadsPort payloads() {
        return payloads;
    }
}
