package dev.masker.domain.phi;

import static dev.masker.domain.phi.KeyRingTest.HEALTHCARE;
import static dev.masker.domain.phi.KeyRingTest.OTHER;
import static dev.masker.domain.phi.KeyRingTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.id.Ulid;
import dev.masker.domain.session.SessionId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VaultTokensTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PHONE = "+1 (415) 555-0100";

    private final VaultTokens tokens = new VaultTokens(
            KeyRing.of(Map.of(
                    HEALTHCARE, new KeyRing.Keys(key(1), Optional.empty()),
                    OTHER, new KeyRing.Keys(key(2), Optional.empty()))),
            RANDOM);

    static SessionId newSession() {
        return new SessionId(Ulid.generate(Instant.parse("2026-11-27T09:00:00Z"), RANDOM));
    }

    @Test
    void givenOneValue_token_isTheSameEveryTimeAndMatchesTheTokenShape() {
        PhiToken first = tokens.token(PhiKind.PHONE, HEALTHCARE, PHONE);
        PhiToken second = tokens.token(PhiKind.PHONE, HEALTHCARE, PHONE);

        assertEquals(first, second);
        assertTrue(PhiToken.SHAPE.matcher(first.text()).matches());
        assertEquals(Optional.of(first), PhiToken.parse(first.text()));
        assertEquals(26, first.value().length(), "unpadded base32 of 16 bytes");
        assertTrue(first.text().startsWith("MSKV1.PHONE.K_HEALTHCARE."));
    }

    @Test
    void givenOneNumberWrittenTwoWays_token_isTheSame() {
        assertEquals(
                tokens.token(PhiKind.PHONE, HEALTHCARE, PHONE),
                tokens.token(PhiKind.PHONE, HEALTHCARE, "415.555.0100"));
    }

    @Test
    void givenDifferentValues_token_differs() {
        assertNotEquals(
                tokens.token(PhiKind.PHONE, HEALTHCARE, PHONE).value(),
                tokens.token(PhiKind.PHONE, HEALTHCARE, "415 555 0101").value());
    }

    @Test
    void givenOneValueUnderTwoKids_token_differs() {
        assertNotEquals(
                tokens.token(PhiKind.PHONE, HEALTHCARE, PHONE).value(),
                tokens.token(PhiKind.PHONE, OTHER, PHONE).value());
    }

    @Test
    void givenAKnownKeyAndValue_token_isHmacSha256TruncatedTo16BytesInBase32() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key(1), "HmacSHA256"));
        byte[] expected = java.util.Arrays.copyOf(mac.doFinal("4155550100".getBytes(StandardCharsets.UTF_8)), 16);

        assertEquals(
                Base32.encode(expected),
                tokens.token(PhiKind.PHONE, HEALTHCARE, PHONE).value());
    }

    @Test
    void givenASealedValue_open_givesTheOriginalBackForItsSessionAndToken() {
        SessionId session = newSession();
        PhiToken token = tokens.token(PhiKind.PHONE, HEALTHCARE, PHONE);

        SealedValue sealed = tokens.seal(session, token, PHONE);

        assertEquals(Optional.of(PHONE), tokens.open(session, token, sealed));
    }

    @Test
    void givenOneValueSealedTwice_seal_usesAFreshNonceEachTime() {
        SessionId session = newSession();
        PhiToken token = tokens.token(PhiKind.PHONE, HEALTHCARE, PHONE);

        assertNotEquals(tokens.seal(session, token, PHONE), tokens.seal(session, token, PHONE));
    }

    @Test
    void givenASealedValue_openForAnotherSessionOrToken_isEmpty() {
        SessionId session = newSession();
        PhiToken token = tokens.token(PhiKind.PHONE, HEALTHCARE, PHONE);
        SealedValue sealed = tokens.seal(session, token, PHONE);
        PhiToken relabelled = new PhiToken(TokenScheme.MSKV1, PhiKind.FAX, HEALTHCARE, token.value());

        assertEquals(Optional.empty(), tokens.open(newSession(), token, sealed));
        assertEquals(Optional.empty(), tokens.open(session, relabelled, sealed));
    }

    @Test
    void givenATamperedCiphertext_open_isEmpty() {
        SessionId session = newSession();
        PhiToken token = tokens.token(PhiKind.PHONE, HEALTHCARE, PHONE);
        SealedValue sealed = tokens.seal(session, token, PHONE);
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[0] ^= 1;

        assertEquals(Optional.empty(), tokens.open(session, token, new SealedValue(sealed.nonce(), ciphertext)));
    }

    @Test
    void givenAValueSealedBeforeARotation_open_findsItWithTheOldKey() {
        SessionId session = newSession();
        VaultTokens before =
                new VaultTokens(KeyRing.of(Map.of(HEALTHCARE, new KeyRing.Keys(key(1), Optional.empty()))), RANDOM);
        VaultTokens after =
                new VaultTokens(KeyRing.of(Map.of(HEALTHCARE, new KeyRing.Keys(key(9), Optional.of(key(1))))), RANDOM);
        VaultTokens forgotten =
                new VaultTokens(KeyRing.of(Map.of(HEALTHCARE, new KeyRing.Keys(key(9), Optional.empty()))), RANDOM);
        PhiToken token = before.token(PhiKind.NAME, HEALTHCARE, "Jane Doe");
        SealedValue sealed = before.seal(session, token, "Jane Doe");

        assertEquals(Optional.of("Jane Doe"), after.open(session, token, sealed));
        assertEquals(Optional.empty(), forgotten.open(session, token, sealed));
        assertNotEquals(token, after.token(PhiKind.NAME, HEALTHCARE, "Jane Doe"), "new tokens use the current key");
    }

    @Test
    void givenAKidWithoutAKey_token_failsNamingTheVariableButNotTheValue() {
        Kid unknown = new Kid("K_UNKNOWN");

        IllegalStateException failure =
                assertThrows(IllegalStateException.class, () -> tokens.token(PhiKind.PHONE, unknown, PHONE));

        assertTrue(failure.getMessage().contains("MASKER_KEY_K_UNKNOWN"));
        assertTrue(!failure.getMessage().contains("555"));
    }
}
