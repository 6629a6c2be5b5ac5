package dev.masker.application.service;

import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.TokenLookup;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TurnMasker} made of a turn's texts: the masked texts, in the order given, how many values of each kind
 * were found in them, and the tokens this pass issued with their originals (token text to value) — so that the answer
 * to the turn can be rehydrated without going back to the vault. The originals are PHI: they are held only for the turn
 * and never shown by {@link #toString}.
 */
public record MaskedTexts(List<String> texts, Map<PhiKind, Integer> counts, Map<String, String> issuedOriginals) {
    public MaskedTexts {
        texts = List.copyOf(texts);
        EnumMap<PhiKind, Integer> copy = new EnumMap<>(PhiKind.class);
        copy.putAll(counts);
        counts = Map.copyOf(copy);
        issuedOriginals = Map.copyOf(Objects.requireNonNull(issuedOriginals, "issuedOriginals"));
    }

    /** The originals of the tokens this pass issued; any other token is not found here. */
    public TokenLookup issued() {
        return token -> Optional.ofNullable(issuedOriginals.get(token.text()));
    }

    @Override
    public String toString() {
        return "MaskedTexts[texts=" + texts.size() + ", counts=" + new EnumMap<>(counts) + "]";
    }
}
