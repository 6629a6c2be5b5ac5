package dev.masker.bootstrap;

import dev.masker.application.port.in.MaskTextUseCase;
import dev.masker.application.port.in.RehydrateTextUseCase;
import dev.masker.application.service.SessionTokenLookup;
import dev.masker.application.service.TurnMasker;
import java.util.Objects;

/**
 * The token use cases, wired to the kid keys, the PostgreSQL vault and Tink's AES-SIV: what the detection and
 * rehydration of issue 4 and the proxy of SPEC §7 drive.
 */
public record PhiTokenUseCases(MaskTextUseCase mask, TurnMasker turnMasker, RehydrateTextUseCase rehydrate,
        SessionTokenLookup sessionTokens) {
    public PhiTokenUseCases {
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(turnMasker, "turnMasker");
        Objects.requireNonNull(rehydrate, "rehydrate");
        Objects.requireNonNull(sessionTokens, "sessionTokens");
    }
}
