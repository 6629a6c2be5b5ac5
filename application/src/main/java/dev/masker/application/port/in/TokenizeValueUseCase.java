package dev.masker.application.port.in;

import dev.masker.domain.phi.PhiToken;

/** Replaces one PHI value by its token (SPEC §6), keeping what is needed to put the value back in the session. */
public interface TokenizeValueUseCase {
    /**
     * The value's token. For {@code MSKV1} the original is sealed into the vault for the session first.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the vault cannot be reached
     */
    PhiToken tokenize(TokenizeValueCommand command);
}
