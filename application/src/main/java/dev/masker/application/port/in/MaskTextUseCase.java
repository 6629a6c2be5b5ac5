package dev.masker.application.port.in;

/** Replaces the PHI in a text by tokens or redactions as the policy says (SPEC §6), before it is sent upstream. */
public interface MaskTextUseCase {
    /**
     * The masked text and the counts by kind. For {@code MSKV1} the originals are sealed into the session's vault, in one
     * write per text.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the vault cannot be reached
     */
    MaskedText mask(MaskTextCommand command);
}
