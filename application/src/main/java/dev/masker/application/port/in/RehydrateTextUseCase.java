package dev.masker.application.port.in;

import dev.masker.domain.phi.Rehydration;

/**
 * Puts the session's originals back into a whole text (docs/REHYDRATION.md): its tokens are replaced, every other
 * token-shaped string is left and reported as a leak finding.
 *
 * @see dev.masker.domain.phi.Rehydrator
 */
public interface RehydrateTextUseCase {
    /**
     * The text with the session's tokens put back.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the vault cannot be reached
     */
    Rehydration rehydrate(RehydrateTextCommand command);
}
