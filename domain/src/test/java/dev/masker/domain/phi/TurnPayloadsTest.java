package dev.masker.domain.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.id.Ulid;
import dev.masker.domain.session.SessionId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnPayloadsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");
    private static final Kid KID = new Kid("K_HEALTHCARE");
    private static final String PAYLOAD = "{\"request\":{\"content\":\"Jane Doe, 415-555-0132\"}}";

    private static byte[] key() {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    private static SessionId session() {
        return new SessionId(Ulid.generate(AT, RANDOM));
    }

    @Test
    void givenASealedPayload_open_givesItBackOnlyAsTheSameSessionAndRequest() {
        TurnPayloads payloads =
                new TurnPayloads(KeyRing.of(Map.of(KID, new KeyRing.Keys(key(), Optional.empty()))), RANDOM);
        SessionId session = session();

        SealedValue sealed = payloads.seal(session, "req_1", KID, PAYLOAD);

        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("Jane"));
        assertEquals(Optional.of(PAYLOAD), payloads.open(session, "req_1", KID, sealed));
        assertEquals(Optional.empty(), payloads.open(session, "req_2", KID, sealed));
        assertEquals(Optional.empty(), payloads.open(session(), "req_1", KID, sealed));
        assertEquals(Optional.empty(), payloads.open(session, "req_1", new Kid("K_OTHER"), sealed));
    }

    @Test
    void givenARotatedKey_open_stillOpensWithTheOldOneAndNeverWithTheVaultsKey() {
        byte[] old = key();
        SessionId session = session();
        SealedValue sealed = new TurnPayloads(KeyRing.of(Map.of(KID, new KeyRing.Keys(old, Optional.empty()))), RANDOM)
                .seal(session, "req_1", KID, PAYLOAD);
        KeyRing rotated = KeyRing.of(Map.of(KID, new KeyRing.Keys(key(), Optional.of(old))));

        assertEquals(Optional.of(PAYLOAD), new TurnPayloads(rotated, RANDOM).open(session, "req_1", KID, sealed));
        // The vault derives its own key from the same kid key: a payload is not a vault entry.
        PhiToken token = new VaultTokens(KeyRing.of(Map.of(KID, new KeyRing.Keys(old, Optional.empty()))), RANDOM)
                .token(PhiKind.NAME, KID, "Jane Doe");
        assertTrue(new VaultTokens(KeyRing.of(Map.of(KID, new KeyRing.Keys(old, Optional.empty()))), RANDOM)
                .open(session, token, sealed)
                .isEmpty());
    }
}
