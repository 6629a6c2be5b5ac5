package dev.masker.testsupport.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.application.port.out.KeepVaultEntriesPort;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.session.SessionId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of the token vault ({@link KeepVaultEntriesPort}), run against the in-memory fakes the service tests use
 * ({@link InMemoryTokenVault}, {@link CountingTokenVault}) and the PostgreSQL adapter alike. Every test works in new
 * sessions: the vault is never emptied.
 */
public abstract class KeepVaultEntriesContractTest {
    public static final Instant STORED = Instant.parse("2026-11-27T09:15:30.123Z");
    public static final Kid KID = new Kid("K_HEALTHCARE");
    public static final String EMAIL = "jane.doe@example.com";
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final VaultTokens TOKENS =
            new VaultTokens(KeyRing.of(Map.of(KID, new KeyRing.Keys(randomKey(), Optional.empty()))), RANDOM);

    /** The vault under test. */
    protected abstract KeepVaultEntriesPort vault();

    /** A random key of the size a key ring takes. */
    public static byte[] randomKey() {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A new session id. */
    public static SessionId newSession() {
        return new SessionId(Ulid.generate(STORED, RANDOM));
    }

    /** The session's entry for the value: its token under {@link #KID}, the value sealed, stored at {@link #STORED}. */
    public static VaultEntry entry(SessionId session, PhiKind kind, String value) {
        PhiToken token = TOKENS.token(kind, KID, value);
        return new VaultEntry(session, token, TOKENS.seal(session, token, value), STORED);
    }

    @Test
    void givenAStoredEntry_find_returnsItAndItOpensToTheOriginal() {
        VaultEntry entry = entry(newSession(), PhiKind.EMAIL, EMAIL);

        vault().store(entry);

        VaultEntry found = vault().find(entry.session(), entry.token()).orElseThrow();
        assertEquals(entry, found);
        assertEquals(Optional.of(EMAIL), TOKENS.open(found.session(), found.token(), found.sealed()));
    }

    @Test
    void givenAnotherSessionsEntry_find_returnsEmpty() {
        VaultEntry entry = entry(newSession(), PhiKind.EMAIL, EMAIL);
        vault().store(entry);

        assertEquals(Optional.empty(), vault().find(newSession(), entry.token()));
    }

    @Test
    void givenAnUnknownToken_find_returnsEmpty() {
        SessionId session = newSession();
        vault().store(entry(session, PhiKind.EMAIL, EMAIL));

        assertEquals(Optional.empty(), vault().find(session, TOKENS.token(PhiKind.EMAIL, KID, "john@example.com")));
    }

    @Test
    void givenTheSameSessionAndTokenStoredTwice_store_keepsTheFirstEntryAndDoesNotFail() {
        SessionId session = newSession();
        VaultEntry first = entry(session, PhiKind.EMAIL, EMAIL);
        VaultEntry again = entry(session, PhiKind.EMAIL, " Jane.Doe@Example.com ");
        assertEquals(first.token(), again.token());

        vault().store(first);
        vault().store(again);

        assertEquals(Optional.of(first), vault().find(session, first.token()));
    }

    @Test
    void givenOneTokenStoredByTwoSessions_find_givesEachSessionItsOwnEntry() {
        VaultEntry one = entry(newSession(), PhiKind.EMAIL, EMAIL);
        VaultEntry other = entry(newSession(), PhiKind.EMAIL, EMAIL);

        vault().store(one);
        vault().store(other);

        assertEquals(Optional.of(one), vault().find(one.session(), one.token()));
        assertEquals(Optional.of(other), vault().find(other.session(), other.token()));
    }

    @Test
    void givenSeveralEntriesOneAlreadyStored_storeAll_keepsEachAndTheFirstOfTheStoredOne() {
        SessionId session = newSession();
        VaultEntry stored = entry(session, PhiKind.EMAIL, EMAIL);
        VaultEntry again = entry(session, PhiKind.EMAIL, EMAIL.toUpperCase(Locale.ROOT));
        VaultEntry phone = entry(session, PhiKind.PHONE, "(415) 555-0100");
        VaultEntry name = entry(session, PhiKind.NAME, "Jane Doe");
        vault().store(stored);

        vault().storeAll(List.of(again, phone, name));

        assertEquals(Optional.of(stored), vault().find(session, stored.token()));
        assertEquals(Optional.of(phone), vault().find(session, phone.token()));
        assertEquals(Optional.of(name), vault().find(session, name.token()));
    }
}
