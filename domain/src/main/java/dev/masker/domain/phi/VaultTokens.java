package dev.masker.domain.phi;

import dev.masker.domain.session.SessionId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;

/**
 * The {@link TokenScheme#MSKV1} (vault-deterministic) scheme, with the JDK's own primitives:
 * <ul>
 *   <li>the token's value is unpadded base32 of the first 16 bytes of HMAC-SHA256 under the kid's current key over the
 *       {@linkplain PhiNormalization normalised} value, so a value always gets the same token within a kid;</li>
 *   <li>the original is sealed for the vault with AES-256-GCM under a key derived from the kid's key
 *       (HMAC-SHA256(kid key, {@value #VAULT_KEY_LABEL})), a random 96-bit nonce, and the session id and token text as
 *       associated data, so an entry opens only for the session and token it was stored under.</li>
 * </ul>
 * Opening tries the kid's current key, then its old one, so entries sealed before a rotation still open.
 */
public final class VaultTokens {
    /** The label the vault encryption key is derived with; changing it makes every stored entry unreadable. */
    public static final String VAULT_KEY_LABEL = "masker/MSKV1/vault/AES-256-GCM/v1";

    private static final int TOKEN_BYTES = 16;

    private final KeyRing keys;
    private final LabelledAead vault;
    // Computed once: per kid, an initialised HMAC to clone for tokens; per kid key, the derived vault encryption key.
    private final Map<Kid, Mac> tokenMacs = new ConcurrentHashMap<>();

    /** Tokens under the ring's keys, vault nonces from the random source. */
    public VaultTokens(KeyRing keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.vault = new LabelledAead(VAULT_KEY_LABEL, random);
    }

    /** The MSKV1 token of the value: the same for the same normalised value, kind and kid. */
    public PhiToken token(PhiKind kind, Kid kid, String value) {
        byte[] mac =
                tokenMac(kid).doFinal(PhiNormalization.normalize(kind, value).getBytes(StandardCharsets.UTF_8));
        return new PhiToken(TokenScheme.MSKV1, kind, kid, Base32.encode(Arrays.copyOf(mac, TOKEN_BYTES)));
    }

    /** The value sealed for the vault under the token's kid's current key, bound to the session and the token. */
    public SealedValue seal(SessionId session, PhiToken token, String value) {
        requireVaultToken(token);
        return vault.seal(
                keys.require(token.kid()).current(),
                associatedData(session, token),
                value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The original the sealed value holds, or empty when it does not open for this session and token under the kid's
     * current or old key (another session's entry, a tampered one, or a key no longer configured).
     */
    public Optional<String> open(SessionId session, PhiToken token, SealedValue sealed) {
        requireVaultToken(token);
        return keys.keys(token.kid())
                .flatMap(kidKeys -> vault.open(kidKeys, associatedData(session, token), sealed))
                .map(plain -> new String(plain, StandardCharsets.UTF_8));
    }

    private static void requireVaultToken(PhiToken token) {
        if (token.scheme() != TokenScheme.MSKV1) {
            throw new IllegalArgumentException("only MSKV1 tokens are kept in the vault");
        }
    }

    /**
     * A fresh HMAC-SHA256 keyed with the kid's current key: a clone of one initialised once (key schedule and pads
     * reused). The ring is immutable, so the kid names its key for good.
     */
    private Mac tokenMac(Kid kid) {
        Mac prototype = tokenMacs.computeIfAbsent(
                kid, k -> LabelledAead.newMac(keys.require(k).current()));
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // A provider whose HMAC cannot be cloned: initialise a new one each time.
            return LabelledAead.newMac(keys.require(kid).current());
        }
    }

    private static byte[] associatedData(SessionId session, PhiToken token) {
        // A NUL cannot occur in a session id or a token, so the two parts cannot be shifted into each other.
        return (session.value() + "\u0000" + token.text()).getBytes(StandardCharsets.UTF_8);
    }
}
