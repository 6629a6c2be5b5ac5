package dev.masker.application.port.in;

/** Checks the whole audit log's hash chain, as stored now, and says whether it holds or where it first breaks. */
public interface VerifyAuditChainUseCase {
    /**
     * The verdict on every event and the head.
     *
     * @throws dev.masker.domain.error.DomainException with {@code audit_unavailable} when the log cannot be read
     */
    AuditChainCheck verify();
}
