package dev.masker.domain.phi;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a masking pass needs from a policy (SPEC §6): the kid and scheme tokens are made with, and the action per kind.
 * A kind the policy does not name is tokenized: a policy can only loosen masking by saying so.
 */
public record MaskingPolicy(Kid kid, TokenScheme scheme, Map<PhiKind, MaskAction> actions) {
    /** The kid of the shipped {@code healthcare-default} policy. */
    public static final Kid HEALTHCARE_KID = new Kid("K_HEALTHCARE");

    public MaskingPolicy {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(actions, "actions");
        EnumMap<PhiKind, MaskAction> copy = new EnumMap<>(PhiKind.class);
        copy.putAll(actions);
        actions = Map.copyOf(copy);
    }

    /** Every kind tokenized with the scheme under the kid. */
    public static MaskingPolicy tokenizeAll(Kid kid, TokenScheme scheme) {
        return new MaskingPolicy(
                kid,
                scheme,
                Arrays.stream(PhiKind.values())
                        .collect(Collectors.toMap(Function.identity(), kind -> MaskAction.TOKENIZE)));
    }

    /** Until YAML policies land: every kind tokenized as MSKV1 under {@code K_HEALTHCARE}. */
    public static MaskingPolicy healthcareDefault() {
        return tokenizeAll(HEALTHCARE_KID, TokenScheme.MSKV1);
    }

    /** The action for the kind; {@link MaskAction#TOKENIZE} when the policy does not name it. */
    public MaskAction actionFor(PhiKind kind) {
        return actions.getOrDefault(kind, MaskAction.TOKENIZE);
    }

    /** The fixed text a redacted value of the kind becomes. */
    public static String redaction(PhiKind kind) {
        return "[REDACTED:" + kind.name() + "]";
    }
}
