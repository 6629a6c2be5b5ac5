package dev.masker.application.port.in;

/** Masks the texts of one conversation turn together (every message of a proxied request). */
public interface MaskTurnUseCase {
    /**
     * The texts masked as {@link MaskTextUseCase} masks each, with one vault write for all of them, and the tokens
     * issued with their originals.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the vault cannot be reached
     */
    MaskedTexts maskTurn(MaskTextsCommand command);
}
