package dev.masker.domain.phi;

import dev.masker.domain.session.SessionId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals a proxied turn's payloads (the request as the platform sent it, what went upstream, the answer) for a policy
 * that opts in with {@code log_payloads}: AES-256-GCM under HMAC-SHA256(kid key, {@value #KEY_LABEL}) — a key of its own,
 * never the vault's — with the session id and the request id as associated data, so a payload opens only as the turn it
 * was stored for. Opening tries the kid's current key, then its old one.
 */
public final class TurnPayloads {
    public static final String KEY_LABEL = "masker/turn-payload/AES-256-GCM/v1";

    private final KeyRing keys;
    private final LabelledAead aead;

    public TurnPayloads(KeyRing keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.aead = new LabelledAead(KEY_LABEL, random);
    }

    /** The payload text sealed under the kid's current key, bound to the session and request. */
    public SealedValue seal(SessionId session, String requestId, Kid kid, String payload) {
        return aead.seal(
                keys.require(kid).current(),
                associatedData(session, requestId),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload text, or empty when it does not open as this session's and request's under the kid's keys. */
    public Optional<String> open(SessionId session, String requestId, Kid kid, SealedValue sealed) {
        return keys.keys(kid)
                .flatMap(kidKeys -> aead.open(kidKeys, associatedData(session, requestId), sealed))
                .map(plain -> new String(plain, StandardCharsets.UTF_8));
    }

    private static byte[] associatedData(SessionId session, String requestId) {
        // A NUL cannot occur in either id, so the two parts cannot be shifted into each other.
        return (session.value() + "\u0000" + requestId).getBytes(StandardCharsets.UTF_8);
    }
}
