package dev.masker.adapters.persistence.msk1;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.daead.AesSivKey;
import com.google.crypto.tink.daead.AesSivParameters;
import com.google.crypto.tink.subtle.AesSiv;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.util.SecretBytes;
import dev.masker.application.port.out.ReversibleTokenPort;
import dev.masker.domain.phi.Base32;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.session.SessionId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * MSK1 tokens with Google Tink's AES-SIV (RFC 5297, 512-bit key: AES-256 for both halves). Each kid's key is stretched
 * with HKDF-SHA256 (info {@value #KEY_INFO}) to the 64 bytes AES-SIV needs; the associated data is
 * {@code MSK1.<KIND>.<KID>.<session id>}, so a token relabelled with another kind or kid, or brought into another
 * session, does not open. AES-SIV is deterministic: the same session, value, kind and kid always give the same token,
 * and the token is 16 bytes longer than the value, in base32.
 */
public final class TinkReversibleTokenAdapter implements ReversibleTokenPort {
    /** The HKDF info the AES-SIV key is derived with; changing it makes every MSK1 token unreadable. */
    static final String KEY_INFO = "masker/MSK1/AES-SIV/v1";

    private static final int SIV_KEY_BYTES = 64;

    private final KeyRing keys;
    // Per kid: the cipher of the current key, then that of the old one (the order in which to try opening).
    private final Map<Kid, List<DeterministicAead>> ciphers;

    /** Ciphers for every kid of the ring, built once. */
    public TinkReversibleTokenAdapter(KeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        Map<Kid, List<DeterministicAead>> built = new HashMap<>();
        for (Kid kid : keys.kids()) {
            built.put(
                    kid,
                    keys.require(kid).newestFirst().stream()
                            .map(TinkReversibleTokenAdapter::cipher)
                            .toList());
        }
        this.ciphers = Map.copyOf(built);
    }

    @Override
    public PhiToken seal(SessionId session, PhiKind kind, Kid kid, String value) {
        byte[] plaintext = value.getBytes(StandardCharsets.UTF_8);
        if (plaintext.length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException(
                    "a value longer than " + MAX_VALUE_BYTES + " UTF-8 bytes does not fit an MSK1 token");
        }
        keys.require(kid);
        try {
            byte[] ciphertext =
                    ciphers.get(kid).getFirst().encryptDeterministically(plaintext, associatedData(session, kind, kid));
            return new PhiToken(TokenScheme.MSK1, kind, kid, Base32.encode(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-SIV encryption failed", e);
        }
    }

    @Override
    public Optional<String> open(SessionId session, PhiToken token) {
        List<DeterministicAead> candidates = ciphers.get(token.kid());
        if (token.scheme() != TokenScheme.MSK1 || candidates == null) {
            return Optional.empty();
        }
        Optional<byte[]> ciphertext = Base32.decode(token.value());
        if (ciphertext.isEmpty()) {
            return Optional.empty();
        }
        byte[] associatedData = associatedData(session, token.kind(), token.kid());
        for (DeterministicAead cipher : candidates) {
            try {
                return Optional.of(new String(
                        cipher.decryptDeterministically(ciphertext.get(), associatedData), StandardCharsets.UTF_8));
            } catch (GeneralSecurityException notThisKeyOrForged) {
                // Try the next key; none left means the token is another session's, forged, relabelled or of a retired
                // key.
            }
        }
        return Optional.empty();
    }

    private static byte[] associatedData(SessionId session, PhiKind kind, Kid kid) {
        // Kind and kid match [A-Z_]+ and K_[A-Z0-9]+, so "." separates the fields unambiguously.
        return (TokenScheme.MSK1.name() + "." + kind.name() + "." + kid.value() + "." + session.value())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static DeterministicAead cipher(byte[] kidKey) {
        try {
            byte[] sivKey = Hkdf.computeHkdf(
                    "HMACSHA256", kidKey, new byte[0], KEY_INFO.getBytes(StandardCharsets.UTF_8), SIV_KEY_BYTES);
            AesSivParameters parameters = AesSivParameters.builder()
                    .setKeySizeBytes(SIV_KEY_BYTES)
                    // The token carries kind and kid itself: no Tink key-id prefix in the ciphertext.
                    .setVariant(AesSivParameters.Variant.NO_PREFIX)
                    .build();
            AesSivKey key = AesSivKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(sivKey, InsecureSecretKeyAccess.get()))
                    .build();
            return AesSiv.create(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an AES-SIV cipher could not be made from a kid's key", e);
        }
    }
}
