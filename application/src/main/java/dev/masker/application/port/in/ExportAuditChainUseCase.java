package dev.masker.application.port.in;

import dev.masker.domain.audit.ChainLink;
import java.util.function.Consumer;

/** Hands out the stored events of a period exactly as they were hashed, so that anyone can recompute their chain. */
public interface ExportAuditChainUseCase {
    /**
     * Gives the sink the period's events in chain order, a run without gaps (see
     * {@link dev.masker.application.port.out.ReadAuditChainPort#read}).
     *
     * @return how many events were exported
     * @throws dev.masker.domain.error.DomainException with {@code validation_failed} for a bound that is not a time, or
     *         {@code since} not before {@code until}, before the sink is given anything; {@code audit_unavailable} when
     *         the log cannot be read
     */
    long export(ExportAuditChainQuery query, Consumer<ChainLink> sink);
}
