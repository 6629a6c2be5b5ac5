package dev.masker.domain.phi;

import java.util.Objects;
import java.util.Optional;

/**
 * A token-shaped string in an upstream answer that was not rehydrated. It carries only what is safe to log and count: the
 * scheme, the kind (empty when the kind field is not a known kind) and the reason; never the token's kid or value.
 */
public record LeakFinding(TokenScheme scheme, Optional<PhiKind> kind, LeakReason reason) {
    public LeakFinding {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (kind.isEmpty() != (reason == LeakReason.UNKNOWN_KIND)) {
            throw new IllegalArgumentException("a finding has a kind exactly when its reason is not unknown_kind");
        }
    }

    /** A known-kind token the session cannot put back. */
    public static LeakFinding foreignOrForged(TokenScheme scheme, PhiKind kind) {
        return new LeakFinding(scheme, Optional.of(kind), LeakReason.FOREIGN_OR_FORGED);
    }

    /** A token-shaped string whose kind field names no kind. */
    public static LeakFinding unknownKind(TokenScheme scheme) {
        return new LeakFinding(scheme, Optional.empty(), LeakReason.UNKNOWN_KIND);
    }
}
