package dev.masker.application.port.out;

import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.session.SessionId;
import java.util.Optional;

/**
 * Driven port: the {@code MSK1} (reversible AEAD) scheme, whose token carries its value encrypted with a deterministic
 * AEAD under the kid's key, bound to the kind, the kid and the session that made it, so no vault is needed and a token
 * opens only in its own session (SPEC §6). Keys are the kid's current one for sealing and the current then the old one
 * for opening.
 */
public interface ReversibleTokenPort {
    /** The largest value, in UTF-8 bytes, that fits in a token. */
    int MAX_VALUE_BYTES = 600;

    /**
     * The MSK1 token of the value in the session: the same for the same session, value, kind and kid.
     *
     * @throws IllegalArgumentException when the value is longer than {@link #MAX_VALUE_BYTES} in UTF-8
     * @throws IllegalStateException when the kid has no key
     */
    PhiToken seal(SessionId session, PhiKind kind, Kid kid, String value);

    /**
     * The value the MSK1 token holds, or empty when it does not open for the session under its kid's current or old
     * key: made in another session, forged, tampered, relabelled with another kind or kid, or made with a key no longer
     * configured.
     */
    Optional<String> open(SessionId session, PhiToken token);
}
