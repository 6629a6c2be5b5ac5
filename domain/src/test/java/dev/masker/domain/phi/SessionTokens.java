package dev.masker.domain.phi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fake session for rehydration tests: the tokens it made and their originals, looked up as the vault or AEAD would. */
final class SessionTokens {
    static final Kid KID = new Kid("K_HEALTHCARE");
    static final PhiToken PHONE = new PhiToken(TokenScheme.MSKV1, PhiKind.PHONE, KID, "MFRGGZDFMZTWQ2LK");
    static final PhiToken NAME = new PhiToken(TokenScheme.MSK1, PhiKind.NAME, KID, "ONSWG4TFOQQHI33LMVXAAAAB");
    static final PhiToken EMAIL = new PhiToken(TokenScheme.MSKV1, PhiKind.EMAIL, new Kid("K_X"), "A".repeat(1024));
    static final PhiToken HEALTH_PLAN =
            new PhiToken(TokenScheme.MSK1, PhiKind.HEALTH_PLAN, new Kid("K_" + "9".repeat(30)), "Z234567ABCDEFGHIJ");
    /** A token from another session: well-formed, known kind, but this session never made it. */
    static final PhiToken FOREIGN = new PhiToken(TokenScheme.MSKV1, PhiKind.SSN, KID, "GEZDGNBVGY3TQOJQ");

    private static final Map<String, String> ORIGINALS = new LinkedHashMap<>();

    static {
        ORIGINALS.put(PHONE.text(), "(415) 555-0100");
        ORIGINALS.put(NAME.text(), "Zoë Ångström");
        ORIGINALS.put(EMAIL.text(), "jane@example.com");
        // An original that looks like a token: put back once, never rehydrated again.
        ORIGINALS.put(HEALTH_PLAN.text(), FOREIGN.text());
    }

    private SessionTokens() {}

    static TokenLookup lookup() {
        return token -> Optional.ofNullable(ORIGINALS.get(token.text()));
    }

    static List<PhiToken> tokens() {
        return List.of(PHONE, NAME, EMAIL, HEALTH_PLAN);
    }

    static String originalOf(PhiToken token) {
        return ORIGINALS.get(token.text());
    }
}
