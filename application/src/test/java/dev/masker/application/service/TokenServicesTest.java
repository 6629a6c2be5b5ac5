package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.in.RevealTokenQuery;
import dev.masker.application.port.in.TokenizeValueCommand;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.session.SessionId;
import dev.masker.testsupport.clock.SettableClock;
import dev.masker.testsupport.ports.InMemoryTokenVault;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenServicesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Kid KID = new Kid("K_HEALTHCARE");
    private static final String SSN = "123-45-6789";

    private final InMemoryTokenVault vault = new InMemoryTokenVault();
    private final VaultTokens vaultTokens = new VaultTokens(KeyRing.of(Map.of(KID, new KeyRing.Keys(key(), Optional.empty()))),
            RANDOM);
    private final ReadableReversibleTokens reversible = new ReadableReversibleTokens();
    private final TokenizeValueService tokenize = new TokenizeValueService(vaultTokens, vault, reversible,
            SettableClock.fixedAt(NOW));
    private final RevealTokenService reveal = new RevealTokenService(vaultTokens, vault, reversible);

    private static byte[] key() {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) 3);
        return key;
    }

    private static SessionId newSession() {
        return new SessionId(Ulid.generate(NOW, RANDOM));
    }

    private PhiToken tokenize(SessionId session, TokenScheme scheme, String value) {
        return tokenize.tokenize(new TokenizeValueCommand(session, scheme, PhiKind.SSN, KID, value));
    }

    @Test
    void givenAnMskv1Value_tokenize_sealsItIntoTheSessionsVaultAndRevealGivesItBack() {
        SessionId session = newSession();

        PhiToken token = tokenize(session, TokenScheme.MSKV1, SSN);

        assertEquals(TokenScheme.MSKV1, token.scheme());
        VaultEntry entry = vault.find(session, token).orElseThrow();
        assertEquals(NOW, entry.createdAt());
        assertFalse(new String(entry.sealed().ciphertext(), StandardCharsets.ISO_8859_1).contains(SSN));
        assertEquals(Optional.of(SSN), reveal.reveal(new RevealTokenQuery(session, token)));
    }

    @Test
    void givenOneValueTwiceInASession_tokenize_givesOneTokenAndKeepsTheFirstOriginal() {
        SessionId session = newSession();

        PhiToken first = tokenize(session, TokenScheme.MSKV1, SSN);
        PhiToken second = tokenize(session, TokenScheme.MSKV1, "123 45 6789");

        assertEquals(first, second);
        assertEquals(1, vault.all().size());
        assertEquals(Optional.of(SSN), reveal.reveal(new RevealTokenQuery(session, second)));
    }

    @Test
    void givenAnotherSessionsMskv1Token_reveal_isEmpty() {
        PhiToken token = tokenize(newSession(), TokenScheme.MSKV1, SSN);

        assertEquals(Optional.empty(), reveal.reveal(new RevealTokenQuery(newSession(), token)));
    }

    @Test
    void givenAForgedMskv1Token_reveal_isEmpty() {
        SessionId session = newSession();
        PhiToken real = tokenize(session, TokenScheme.MSKV1, SSN);
        PhiToken forged = new PhiToken(TokenScheme.MSKV1, PhiKind.SSN, KID, "A".repeat(26));

        assertNotEquals(real, forged);
        assertEquals(Optional.empty(), reveal.reveal(new RevealTokenQuery(session, forged)));
    }

    @Test
    void givenAnMsk1Value_tokenize_leavesTheVaultAloneAndRevealOpensTheToken() {
        SessionId session = newSession();

        PhiToken token = tokenize(session, TokenScheme.MSK1, SSN);

        assertEquals(TokenScheme.MSK1, token.scheme());
        assertTrue(vault.all().isEmpty());
        assertEquals(Optional.of(SSN), reveal.reveal(new RevealTokenQuery(session, token)));
    }

    @Test
    void givenAnotherSessionsMsk1Token_reveal_isEmpty() {
        SessionId session = newSession();
        PhiToken token = tokenize(session, TokenScheme.MSK1, SSN);

        assertEquals(Optional.empty(), reveal.reveal(new RevealTokenQuery(newSession(), token)));
        assertEquals(Optional.of(SSN), reveal.reveal(new RevealTokenQuery(session, token)));
    }

    @Test
    void givenOneMsk1ValueInTwoSessions_tokenize_isTheSameWithinASessionAndDiffersAcross() {
        SessionId session = newSession();

        PhiToken first = tokenize(session, TokenScheme.MSK1, SSN);

        assertEquals(first, tokenize(session, TokenScheme.MSK1, SSN));
        assertNotEquals(first, tokenize(newSession(), TokenScheme.MSK1, SSN));
    }

    @Test
    void givenACommand_toString_leavesTheValueOut() {
        TokenizeValueCommand command = new TokenizeValueCommand(newSession(), TokenScheme.MSKV1, PhiKind.SSN, KID, SSN);

        assertFalse(command.toString().contains(SSN));
    }
}
