package dev.masker.application.service;

import dev.masker.application.port.in.RehydrateTextCommand;
import dev.masker.application.port.in.RehydrateTextUseCase;
import dev.masker.domain.phi.Rehydration;
import dev.masker.domain.phi.Rehydrator;
import java.util.Objects;

/** Rehydrates a text for a session with the domain's {@link Rehydrator} over the session's {@link SessionTokenLookup}. */
public final class RehydrateTextService implements RehydrateTextUseCase {
    private final SessionTokenLookup sessionTokens;

    public RehydrateTextService(SessionTokenLookup sessionTokens) {
        this.sessionTokens = Objects.requireNonNull(sessionTokens, "sessionTokens");
    }

    @Override
    public Rehydration rehydrate(RehydrateTextCommand command) {
        return new Rehydrator(sessionTokens.forSession(command.session())).rehydrate(command.text());
    }
}
