package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.LeakFinding;
import dev.masker.domain.phi.MaskAction;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.Rehydration;
import dev.masker.domain.phi.Rehydrator;
import dev.masker.domain.phi.TokenLookup;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.phi.detect.PhiDetector;
import dev.masker.domain.session.SessionId;
import dev.masker.testsupport.clock.SettableClock;
import dev.masker.testsupport.ports.CountingTokenVault;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TurnMaskerTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Kid KID = new Kid("K_HEALTHCARE");
    private static final String TURN = "My SSN is 123-45-6789 and my email is jane.doe@example.com, again 123-45-6789.";
    private static final PhiDetector DETECTOR = PhiDetector.withBundledNameLists();

    private final CountingTokenVault vault = new CountingTokenVault();
    private final VaultTokens vaultTokens =
            new VaultTokens(KeyRing.of(Map.of(KID, new KeyRing.Keys(key(), Optional.empty()))), RANDOM);
    private final ReadableReversibleTokens reversible = new ReadableReversibleTokens();
    private final TurnMasker masker =
            new TurnMasker(DETECTOR, vaultTokens, vault, reversible, SettableClock.fixedAt(NOW), System::nanoTime);
    private final SessionTokenLookup sessionTokens = new SessionTokenLookup(vaultTokens, vault, reversible);

    private static byte[] key() {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) 7);
        return key;
    }

    private static SessionId newSession() {
        return new SessionId(Ulid.generate(NOW, RANDOM));
    }

    /** One text masked as a turn's and its new values stored, as the proxy does with a turn. */
    private String mask(SessionId session, String text, MaskingPolicy policy) {
        return maskStored(session, text, policy).texts().getFirst();
    }

    private MaskedTexts maskStored(SessionId session, String text, MaskingPolicy policy) {
        TurnMasker.MaskedTurn turn = masker.mask(new TurnTexts(session, List.of(text), policy));
        turn.storeInVault();
        return turn.texts();
    }

    /** The text with the session's tokens put back, as the proxy rehydrates an answer. */
    private Rehydration rehydrate(SessionId session, String text) {
        return new Rehydrator(sessionTokens.forSession(session)).rehydrate(text);
    }

    private static int count(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }

    @Test
    void givenATurnWithPhi_maskWithMskv1_replacesEachValueByItsTokenAndCountsByKind() {
        MaskedTexts masked = maskStored(newSession(), TURN, MaskingPolicy.healthcareDefault());
        String text = masked.texts().getFirst();

        assertFalse(text.contains("6789"));
        assertFalse(text.contains("example"));
        assertTrue(text.startsWith("My SSN is MSKV1.SSN.K_HEALTHCARE."));
        assertEquals(3, count(Pattern.compile("MSKV1\\.(SSN|EMAIL)\\.K_HEALTHCARE\\.[A-Z2-7]{26}"), text));
        assertEquals(Map.of(PhiKind.SSN, 2, PhiKind.EMAIL, 1), masked.counts());
    }

    @Test
    void givenAValueTwiceInATurn_maskWithMskv1_storesItOnceInOneVaultWrite() {
        mask(newSession(), TURN, MaskingPolicy.healthcareDefault());

        assertEquals(1, vault.writes());
        assertEquals(2, vault.all().size());
    }

    @Test
    void givenATurnWithoutPhi_mask_leavesItAndDoesNotWriteTheVault() {
        String turn = "I need a refill of my inhaler, 2 puffs at 8 am.";

        MaskedTexts masked = maskStored(newSession(), turn, MaskingPolicy.healthcareDefault());

        assertEquals(turn, masked.texts().getFirst());
        assertEquals(Map.of(), masked.counts());
        assertEquals(0, vault.writes());
    }

    @Test
    void givenAMaskedTurn_rehydrateInTheSameSession_givesBackTheOriginalExactly() {
        SessionId session = newSession();
        String masked = mask(session, TURN, MaskingPolicy.healthcareDefault());

        Rehydration back = rehydrate(session, masked);

        assertEquals(TURN, back.text());
        assertEquals(3, back.restored());
        assertEquals(List.of(), back.findings());
    }

    @ParameterizedTest
    @EnumSource(TokenScheme.class)
    void givenAMaskedTurn_rehydrateInAnotherSession_leavesTheTokensAndReportsLeaks(TokenScheme scheme) {
        SessionId session = newSession();
        String masked = mask(session, TURN, MaskingPolicy.tokenizeAll(KID, scheme));

        Rehydration back = rehydrate(newSession(), masked);

        assertEquals(masked, back.text());
        assertEquals(0, back.restored());
        assertEquals(
                List.of(
                        LeakFinding.foreignOrForged(scheme, PhiKind.SSN),
                        LeakFinding.foreignOrForged(scheme, PhiKind.EMAIL),
                        LeakFinding.foreignOrForged(scheme, PhiKind.SSN)),
                back.findings());
        assertEquals(TURN, rehydrate(session, masked).text());
    }

    @Test
    void givenAPolicyThatRedactsAndPasses_mask_redactsAndPassesByKindWithoutTheVault() {
        MaskingPolicy policy = new MaskingPolicy(
                KID, TokenScheme.MSKV1, Map.of(PhiKind.SSN, MaskAction.REDACT, PhiKind.EMAIL, MaskAction.PASS));

        MaskedTexts masked = maskStored(newSession(), TURN, policy);

        assertEquals(
                "My SSN is [REDACTED:SSN] and my email is jane.doe@example.com, again [REDACTED:SSN].",
                masked.texts().getFirst());
        assertEquals(Map.of(PhiKind.SSN, 2, PhiKind.EMAIL, 1), masked.counts());
        assertEquals(0, vault.writes());
    }

    @Test
    void givenAnMsk1Policy_mask_sealsTokensWithoutTheVaultAndRehydrateOpensThem() {
        SessionId session = newSession();
        String masked = mask(session, TURN, MaskingPolicy.tokenizeAll(KID, TokenScheme.MSK1));

        assertFalse(masked.contains("123-45-6789"));
        assertEquals(3, count(Pattern.compile("MSK1\\.(SSN|EMAIL)\\.K_HEALTHCARE\\."), masked));
        assertEquals(0, vault.writes());
        assertEquals(TURN, rehydrate(session, masked).text());
    }

    @Test
    void givenTheTextsOfATurn_maskTurn_masksEachInOrderWithOneVaultWriteAndCountsOverAll() {
        SessionId session = newSession();

        TurnMasker.MaskedTurn turn = masker.mask(new TurnTexts(
                session,
                List.of("SSN 123-45-6789", "no phi here", "again 123-45-6789, mail jane.doe@example.com"),
                MaskingPolicy.healthcareDefault()));
        assertEquals(0, vault.writes(), "masking alone writes nothing");
        turn.storeInVault();
        MaskedTexts masked = turn.texts();

        String ssnToken = masked.texts().get(0).substring("SSN ".length());
        assertEquals("no phi here", masked.texts().get(1));
        assertTrue(masked.texts().get(2).startsWith("again " + ssnToken + ", mail MSKV1.EMAIL.K_HEALTHCARE."));
        assertEquals(Map.of(PhiKind.SSN, 2, PhiKind.EMAIL, 1), masked.counts());
        assertEquals(1, vault.writes());
        assertEquals(2, vault.all().size());
    }

    @Test
    void givenAParticipantsName_maskTurn_masksItWholeAsANameEvenWhenDetectionFindsNone() {
        MaskedTexts masked = masker.mask(new TurnTexts(
                        newSession(),
                        List.of("front_desk", "front_desk", " "),
                        Set.of(0, 2),
                        MaskingPolicy.healthcareDefault()))
                .texts();

        assertTrue(
                masked.texts().get(0).startsWith("MSKV1.NAME."), masked.texts().get(0));
        assertEquals("front_desk", masked.issuedOriginals().get(masked.texts().get(0)));
        assertEquals("front_desk", masked.texts().get(1), "the same string as content is only searched");
        assertEquals(" ", masked.texts().get(2), "a blank name holds nothing to mask");
        assertEquals(Map.of(PhiKind.NAME, 1), masked.counts());
    }

    @Test
    void givenATurnWithTokensAndRedactions_maskTurn_issuesTheTokensWithTheirOriginalsOnly() {
        MaskingPolicy policy = new MaskingPolicy(KID, TokenScheme.MSKV1, Map.of(PhiKind.EMAIL, MaskAction.REDACT));

        MaskedTexts masked =
                masker.mask(new TurnTexts(newSession(), List.of(TURN), policy)).texts();

        assertEquals(1, masked.issuedOriginals().size());
        String token = masked.issuedOriginals().keySet().iterator().next();
        assertEquals("123-45-6789", masked.issuedOriginals().get(token));
        assertEquals(
                Optional.of("123-45-6789"),
                masked.issued().originalOf(PhiToken.parse(token).orElseThrow()));
        assertFalse(masked.toString().contains("6789"));
    }

    @Test
    void givenATextReadForTheFirstTime_mask_listsItsValuesAndATextReadBeforeListsNone() {
        SessionId session = newSession();
        MaskingPolicy policy = new MaskingPolicy(KID, TokenScheme.MSKV1, Map.of(PhiKind.EMAIL, MaskAction.REDACT));

        TurnMasker.MaskedTurn first = masker.mask(new TurnTexts(session, List.of("no phi here", TURN), policy));
        TurnMasker.MaskedTurn again = masker.mask(new TurnTexts(session, List.of("no phi here", TURN), policy));

        List<AuditEvent.MaskedValue> values = first.values();
        assertEquals(3, values.size(), values.toString());
        AuditEvent.MaskedValue ssn = values.getFirst();
        assertEquals(1, ssn.text());
        assertEquals("123-45-6789", TURN.substring(ssn.start(), ssn.end()));
        assertEquals(PhiKind.SSN, ssn.kind());
        assertEquals(MaskAction.TOKENIZE, ssn.action());
        assertEquals(Optional.of(TokenScheme.MSKV1), ssn.scheme());
        assertEquals(Optional.of(KID), ssn.kid());
        assertFalse(ssn.recognizer().isEmpty());
        AuditEvent.MaskedValue email = values.get(1);
        assertEquals(MaskAction.REDACT, email.action());
        assertEquals(Optional.empty(), email.scheme());
        assertEquals(List.of(), again.values(), "a text read before was listed with its own turn");
        assertFalse(values.toString().contains("6789") || values.toString().contains("jane"), values.toString());
    }

    @Test
    void givenValuesStoredBefore_storeInVault_writesOnlyTheNewOnesAndNothingWhenNoneIsNew() {
        SessionId session = newSession();
        masker.mask(new TurnTexts(session, List.of("SSN 123-45-6789"), MaskingPolicy.healthcareDefault()))
                .storeInVault();

        TurnMasker.MaskedTurn again =
                masker.mask(new TurnTexts(session, List.of("SSN 123-45-6789"), MaskingPolicy.healthcareDefault()));
        TurnMasker.MaskedTurn more = masker.mask(new TurnTexts(
                session, List.of("SSN 123-45-6789 mail jane.doe@example.com"), MaskingPolicy.healthcareDefault()));
        TurnMasker.MaskedTurn elsewhere =
                masker.mask(new TurnTexts(newSession(), List.of("SSN 123-45-6789"), MaskingPolicy.healthcareDefault()));

        assertFalse(again.needsVault());
        assertTrue(more.needsVault());
        assertTrue(elsewhere.needsVault(), "another session's vault does not hold it");
        again.storeInVault();
        more.storeInVault();
        assertEquals(2, vault.writes());
        assertEquals(2, vault.all().size());
        assertFalse(more.toString().contains("6789") || more.toString().contains("jane"), more.toString());
    }

    @ParameterizedTest
    @EnumSource(TokenScheme.class)
    void givenTokensOfTwoSessions_forSession_opensOnlyTheAskingSessionsOwn(TokenScheme scheme) {
        SessionId session = newSession();
        SessionId other = newSession();
        PhiToken own = onlyToken(mask(session, "SSN 123-45-6789", MaskingPolicy.tokenizeAll(KID, scheme)));
        PhiToken foreign = onlyToken(mask(other, "SSN 987-65-4321", MaskingPolicy.tokenizeAll(KID, scheme)));

        TokenLookup lookup = sessionTokens.forSession(session);

        assertEquals(Optional.of("123-45-6789"), lookup.originalOf(own));
        assertEquals(Optional.empty(), lookup.originalOf(foreign));
        assertEquals(Optional.of("987-65-4321"), sessionTokens.forSession(other).originalOf(foreign));
    }

    private static PhiToken onlyToken(String text) {
        List<PhiToken> tokens = PhiToken.SHAPE
                .matcher(text)
                .results()
                .map(match -> PhiToken.parse(match.group()).orElseThrow())
                .toList();
        assertEquals(1, tokens.size());
        return tokens.getFirst();
    }

    @Test
    void givenMaskedTexts_toString_showsCountsButNoValues() {
        MaskedTexts masked = maskStored(newSession(), TURN, MaskingPolicy.healthcareDefault());
        TurnTexts command = new TurnTexts(newSession(), List.of(TURN), MaskingPolicy.healthcareDefault());

        assertFalse(masked.toString().contains("MSKV1"));
        assertTrue(masked.toString().contains("SSN=2"));
        assertFalse(command.toString().contains("6789"));
    }
}
