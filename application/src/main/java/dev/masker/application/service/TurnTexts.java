package dev.masker.application.service;

import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.session.SessionId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link TurnMasker} masks: the texts of one turn (every message of a request), together under a policy, in the
 * session they belong to. The texts at {@code wholeNames} are participants' names, each masked whole as a NAME rather
 * than searched.
 */
public record TurnTexts(SessionId session, List<String> texts, Set<Integer> wholeNames, MaskingPolicy policy) {
    public TurnTexts {
        Objects.requireNonNull(session, "session");
        texts = List.copyOf(texts);
        wholeNames = Set.copyOf(wholeNames);
        Objects.requireNonNull(policy, "policy");
    }

    /** Texts that are all searched for PHI, none of them a participant's name. */
    public TurnTexts(SessionId session, List<String> texts, MaskingPolicy policy) {
        this(session, texts, Set.of(), policy);
    }

    @Override
    public String toString() {
        // The texts are PHI: never part of a log line.
        return "TurnTexts[session=" + session + ", texts=" + texts.size() + ", wholeNames=" + wholeNames.size()
                + ", policy=" + policy + "]";
    }
}
