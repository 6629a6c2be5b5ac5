package dev.masker.application.service;

import dev.masker.application.port.in.AuditChainCheck;
import dev.masker.application.port.in.VerifyAuditChainUseCase;
import dev.masker.application.port.out.VerifyAuditChainPort;
import java.time.Clock;
import java.util.Objects;

/** Verifies the stored chain and stamps the verdict with the time it was reached. */
public final class VerifyAuditChainService implements VerifyAuditChainUseCase {
    private final VerifyAuditChainPort chain;
    private final Clock clock;

    public VerifyAuditChainService(VerifyAuditChainPort chain, Clock clock) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuditChainCheck verify() {
        return new AuditChainCheck(chain.verify(), clock.instant());
    }
}
