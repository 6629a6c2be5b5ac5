package dev.masker.application.service;

import dev.masker.application.port.in.MaskTextCommand;
import dev.masker.application.port.in.MaskTextUseCase;
import dev.masker.application.port.in.MaskTextsCommand;
import dev.masker.application.port.in.MaskedText;
import dev.masker.application.port.in.MaskedTexts;
import java.util.List;
import java.util.Objects;

/** Masks a text as {@link TurnMasker} masks a turn's, its new values in the vault before the text is returned. */
public final class MaskTextService implements MaskTextUseCase {
    private final TurnMasker masker;

    public MaskTextService(TurnMasker masker) {
        this.masker = Objects.requireNonNull(masker, "masker");
    }

    @Override
    public MaskedText mask(MaskTextCommand command) {
        TurnMasker.MaskedTurn turn = masker.mask(new MaskTextsCommand(command.session(), List.of(command.text()),
                command.policy()));
        turn.storeInVault();
        MaskedTexts masked = turn.texts();
        return new MaskedText(masked.texts().getFirst(), masked.counts());
    }
}
