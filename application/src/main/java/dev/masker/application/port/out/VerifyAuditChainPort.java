package dev.masker.application.port.out;

import dev.masker.domain.audit.ChainVerification;

/** Driven port: re-computes the audit log's hash chain from the stored events and says whether it holds. */
public interface VerifyAuditChainPort {
    /**
     * The result of checking every event in order.
     *
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable} when the log cannot be read
     */
    ChainVerification verify();
}
