package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.session.SessionId;
import dev.masker.testsupport.ports.InMemoryTokenVault;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionTokenLookupTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Kid KID = new Kid("K_HEALTHCARE");
    private static final String SSN = "123-45-6789";

    private final InMemoryTokenVault vault = new InMemoryTokenVault();
    private final VaultTokens vaultTokens =
            new VaultTokens(KeyRing.of(Map.of(KID, new KeyRing.Keys(key(), Optional.empty()))), RANDOM);
    private final ReadableReversibleTokens reversible = new ReadableReversibleTokens();
    private final SessionTokenLookup lookup = new SessionTokenLookup(vaultTokens, vault, reversible);

    private static byte[] key() {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) 3);
        return key;
    }

    private static SessionId newSession() {
        return new SessionId(Ulid.generate(NOW, RANDOM));
    }

    /** The value's token as masking makes it: MSKV1 sealed into the session's vault, MSK1 sealed for the session. */
    private PhiToken tokenOf(SessionId session, TokenScheme scheme, String value) {
        return switch (scheme) {
            case MSK1 -> reversible.seal(session, PhiKind.SSN, KID, value);
            case MSKV1 -> {
                PhiToken token = vaultTokens.token(PhiKind.SSN, KID, value);
                vault.store(new VaultEntry(session, token, vaultTokens.seal(session, token, value), NOW));
                yield token;
            }
        };
    }

    @ParameterizedTest
    @EnumSource(TokenScheme.class)
    void givenASessionsOwnToken_forSession_opensItToTheOriginal(TokenScheme scheme) {
        SessionId session = newSession();
        PhiToken token = tokenOf(session, scheme, SSN);

        assertEquals(Optional.of(SSN), lookup.forSession(session).originalOf(token));
    }

    @ParameterizedTest
    @EnumSource(TokenScheme.class)
    void givenAnotherSessionsToken_forSession_findsNothingAndTheOtherSessionStillOpensIt(TokenScheme scheme) {
        SessionId other = newSession();
        PhiToken token = tokenOf(other, scheme, SSN);

        assertEquals(Optional.empty(), lookup.forSession(newSession()).originalOf(token));
        assertEquals(Optional.of(SSN), lookup.forSession(other).originalOf(token));
    }

    @Test
    void givenAForgedMskv1Token_forSession_findsNothing() {
        SessionId session = newSession();
        PhiToken real = tokenOf(session, TokenScheme.MSKV1, SSN);
        PhiToken forged = new PhiToken(TokenScheme.MSKV1, PhiKind.SSN, KID, "A".repeat(26));

        assertNotEquals(real, forged);
        assertEquals(Optional.empty(), lookup.forSession(session).originalOf(forged));
    }
}
