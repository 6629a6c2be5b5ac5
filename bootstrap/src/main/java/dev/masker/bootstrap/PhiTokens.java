package dev.masker.bootstrap;

import dev.masker.application.service.SessionTokenLookup;
import dev.masker.application.service.TurnMasker;
import java.util.Objects;

/**
 * Masking and the opening of tokens, wired to the detector, the kid keys, the PostgreSQL vault and Tink's AES-SIV: what
 * the proxy of SPEC §7 masks its turns and rehydrates its answers with.
 */
public record PhiTokens(TurnMasker turnMasker, SessionTokenLookup sessionTokens) {
    public PhiTokens {
        Objects.requireNonNull(turnMasker, "turnMasker");
        Objects.requireNonNull(sessionTokens, "sessionTokens");
    }
}
