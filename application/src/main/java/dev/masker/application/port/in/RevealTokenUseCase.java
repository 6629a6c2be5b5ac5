package dev.masker.application.port.in;

import java.util.Optional;

/** Gives back the PHI value a token stands for, for the rehydration of answers (SPEC §6). */
public interface RevealTokenUseCase {
    /**
     * The original value, or empty when the token is not one this session may reveal: an {@code MSKV1} token the
     * session's vault does not hold, or an {@code MSK1} token that does not open for this session — in both cases
     * another session's token, or a forged one.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the vault cannot be reached
     */
    Optional<String> reveal(RevealTokenQuery query);
}
