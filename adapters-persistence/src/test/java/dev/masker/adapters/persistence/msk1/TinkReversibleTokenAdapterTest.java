package dev.masker.adapters.persistence.msk1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.out.ReversibleTokenPort;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.session.SessionId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TinkReversibleTokenAdapterTest {
    private static final Kid HEALTHCARE = new Kid("K_HEALTHCARE");
    private static final Kid OTHER = new Kid("K_OTHER");
    private static final String NAME = "Jane Doe";
    private static final SessionId SESSION = session("01JDK0000000000000000000A1");
    private static final SessionId OTHER_SESSION = session("01JDK0000000000000000000B2");

    private final TinkReversibleTokenAdapter adapter = adapter(Map.of(
            HEALTHCARE, new KeyRing.Keys(key(1), Optional.empty()),
            OTHER, new KeyRing.Keys(key(2), Optional.empty())));

    private static byte[] key(int fill) {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static SessionId session(String ulid) {
        return new SessionId(new Ulid(ulid));
    }

    private static TinkReversibleTokenAdapter adapter(Map<Kid, KeyRing.Keys> keys) {
        return new TinkReversibleTokenAdapter(KeyRing.of(keys));
    }

    private Optional<String> open(PhiToken token) {
        return adapter.open(SESSION, token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"J", NAME, "jane.doe@example.com", "123 Main St., Springfield", "Zoë Ångström 李"})
    void givenAValue_sealThenOpen_givesItBackExactly(String value) {
        PhiToken token = adapter.seal(SESSION, PhiKind.NAME, HEALTHCARE, value);

        assertEquals(Optional.of(value), adapter.open(SESSION, token));
    }

    @Test
    void givenAValue_seal_makesAWellFormedMsk1TokenThatParsesBack() {
        PhiToken token = adapter.seal(SESSION, PhiKind.NAME, HEALTHCARE, NAME);

        assertEquals(TokenScheme.MSK1, token.scheme());
        assertTrue(PhiToken.SHAPE.matcher(token.text()).matches());
        assertEquals(Optional.of(token), PhiToken.parse(token.text()));
        assertFalse(token.text().toLowerCase(java.util.Locale.ROOT).contains("jane"));
    }

    @Test
    void givenOneValue_seal_isDeterministicWithinAKidAndSessionAndDiffersAcrossKidsAndSessions() {
        PhiToken token = adapter.seal(SESSION, PhiKind.NAME, HEALTHCARE, NAME);

        assertEquals(token, adapter.seal(SESSION, PhiKind.NAME, HEALTHCARE, NAME));
        assertNotEquals(
                token.value(), adapter.seal(SESSION, PhiKind.NAME, OTHER, NAME).value());
        assertNotEquals(
                token.value(),
                adapter.seal(OTHER_SESSION, PhiKind.NAME, HEALTHCARE, NAME).value());
    }

    @Test
    void givenATokenSealedInOneSession_open_givesTheValueInThatSessionOnly() {
        PhiToken token = adapter.seal(SESSION, PhiKind.NAME, HEALTHCARE, NAME);

        assertEquals(Optional.of(NAME), adapter.open(SESSION, token));
        assertEquals(Optional.empty(), adapter.open(OTHER_SESSION, token));
        assertEquals(
                Optional.of(NAME),
                adapter.open(OTHER_SESSION, adapter.seal(OTHER_SESSION, PhiKind.NAME, HEALTHCARE, NAME)));
    }

    @Test
    void givenATokenRelabelledWithAnotherKindOrKid_open_isEmpty() {
        PhiToken token = adapter.seal(SESSION, PhiKind.NAME, HEALTHCARE, NAME);

        assertEquals(Optional.empty(), open(new PhiToken(TokenScheme.MSK1, PhiKind.CITY, HEALTHCARE, token.value())));
        assertEquals(Optional.empty(), open(new PhiToken(TokenScheme.MSK1, PhiKind.NAME, OTHER, token.value())));
        assertEquals(Optional.empty(), open(new PhiToken(TokenScheme.MSKV1, PhiKind.NAME, HEALTHCARE, token.value())));
    }

    @Test
    void givenATamperedToken_open_isEmpty() {
        PhiToken token = adapter.seal(SESSION, PhiKind.NAME, HEALTHCARE, NAME);
        char[] value = token.value().toCharArray();
        value[3] = value[3] == 'A' ? 'B' : 'A';

        assertEquals(
                Optional.empty(), open(new PhiToken(TokenScheme.MSK1, PhiKind.NAME, HEALTHCARE, new String(value))));
        assertEquals(Optional.empty(), open(new PhiToken(TokenScheme.MSK1, PhiKind.NAME, HEALTHCARE, "A".repeat(40))));
    }

    @Test
    void givenATokenOfAKidWithoutKeys_open_isEmpty() {
        PhiToken token = adapter.seal(SESSION, PhiKind.NAME, HEALTHCARE, NAME);
        TinkReversibleTokenAdapter other = adapter(Map.of(OTHER, new KeyRing.Keys(key(2), Optional.empty())));

        assertEquals(Optional.empty(), other.open(SESSION, token));
    }

    @Test
    void givenATokenMadeBeforeARotation_open_usesTheOldKey() {
        PhiToken before = adapter(Map.of(HEALTHCARE, new KeyRing.Keys(key(1), Optional.empty())))
                .seal(SESSION, PhiKind.NAME, HEALTHCARE, NAME);
        TinkReversibleTokenAdapter rotating =
                adapter(Map.of(HEALTHCARE, new KeyRing.Keys(key(9), Optional.of(key(1)))));
        TinkReversibleTokenAdapter rotated = adapter(Map.of(HEALTHCARE, new KeyRing.Keys(key(9), Optional.empty())));

        assertEquals(Optional.of(NAME), rotating.open(SESSION, before));
        assertEquals(Optional.empty(), rotating.open(OTHER_SESSION, before), "the old key keeps the session binding");
        assertNotEquals(
                before, rotating.seal(SESSION, PhiKind.NAME, HEALTHCARE, NAME), "new tokens use the current key");
        assertEquals(Optional.of(NAME), rotating.open(SESSION, rotating.seal(SESSION, PhiKind.NAME, HEALTHCARE, NAME)));
        assertEquals(Optional.empty(), rotated.open(SESSION, before));
    }

    @Test
    void givenAValueTooLongForAToken_seal_failsWithoutShowingIt() {
        String longValue = "x".repeat(ReversibleTokenPort.MAX_VALUE_BYTES) + "SECRET";

        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class, () -> adapter.seal(SESSION, PhiKind.NAME, HEALTHCARE, longValue));

        assertFalse(failure.getMessage().contains("SECRET"));
        PhiToken longest =
                adapter.seal(SESSION, PhiKind.NAME, HEALTHCARE, "x".repeat(ReversibleTokenPort.MAX_VALUE_BYTES));
        assertTrue(PhiToken.SHAPE.matcher(longest.text()).matches());
    }

    @Test
    void givenAKidWithoutAKey_seal_failsNamingTheVariable() {
        IllegalStateException failure = assertThrows(
                IllegalStateException.class, () -> adapter.seal(SESSION, PhiKind.NAME, new Kid("K_NONE"), NAME));

        assertTrue(failure.getMessage().contains("MASKER_KEY_K_NONE"));
    }
}
