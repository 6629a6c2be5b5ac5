package dev.masker.domain.chat;

import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.TokenLookup;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.phi.VaultTokens;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Real MSKV1 tokens of a fake session, made by the domain's {@link VaultTokens}, and a lookup that opens only those. */
final class ChatTokens {
    static final Kid KID = new Kid("K_HEALTHCARE");
    private static final VaultTokens VAULT_TOKENS =
            new VaultTokens(KeyRing.of(Map.of(KID, new KeyRing.Keys(key(), Optional.empty()))), new SecureRandom());

    static final PhiToken PHONE = token(PhiKind.PHONE, "(415) 555-0100");
    static final PhiToken NAME = token(PhiKind.NAME, "Zoë Ångström");
    static final PhiToken EMAIL = token(PhiKind.EMAIL, "jane@example.com");
    static final PhiToken SSN = token(PhiKind.SSN, "123-45-6789");
    /** A well-formed token of a known kind that this session never made. */
    static final PhiToken FOREIGN = token(PhiKind.MRN, "MRN 00412345");

    private static final Map<String, String> ORIGINALS = new LinkedHashMap<>();

    static {
        ORIGINALS.put(PHONE.text(), "(415) 555-0100");
        ORIGINALS.put(NAME.text(), "Zoë Ångström");
        ORIGINALS.put(EMAIL.text(), "jane@example.com");
        ORIGINALS.put(SSN.text(), "123-45-6789");
    }

    private ChatTokens() {}

    static TokenLookup lookup() {
        return token -> Optional.ofNullable(ORIGINALS.get(token.text()));
    }

    /** The session's own tokens, each of which the lookup opens. */
    static List<PhiToken> own() {
        return List.of(PHONE, NAME, EMAIL, SSN);
    }

    static String originalOf(PhiToken token) {
        return ORIGINALS.get(token.text());
    }

    private static PhiToken token(PhiKind kind, String value) {
        PhiToken token = VAULT_TOKENS.token(kind, KID, value);
        if (token.scheme() != TokenScheme.MSKV1) {
            throw new IllegalStateException("vault tokens are MSKV1");
        }
        return token;
    }

    private static byte[] key() {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) 3);
        return key;
    }
}
