package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.masker.application.service.SessionTokenLookup;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.LeakFinding;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.Rehydration;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.session.SessionId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Masking and rehydration as the server wires them: the configured key, the vault in PostgreSQL, Tink's AES-SIV. */
class PhiTokensIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Kid KID = new Kid("K_HEALTHCARE");
    private static final String PHONE = "(415) 555-0100";
    private static RunningMasker masker;

    @BeforeAll
    static void start() {
        masker = RunningMasker.start(Map.of());
    }

    @AfterAll
    static void stop() {
        masker.close();
    }

    private static SessionId newSession() {
        return new SessionId(Ulid.generate(Instant.now(), RANDOM));
    }

    @ParameterizedTest
    @EnumSource(TokenScheme.class)
    void givenAValueMaskedInASession_sessionTokens_openItInThatSessionOnly(TokenScheme scheme) {
        SessionTokenLookup sessionTokens = masker.server().phiTokens().sessionTokens();
        SessionId session = newSession();

        String masked = masker.mask(session, "Call me at " + PHONE + ".", MaskingPolicy.tokenizeAll(KID, scheme))
                .texts()
                .getFirst();
        List<PhiToken> found = PhiToken.SHAPE
                .matcher(masked)
                .results()
                .map(m -> PhiToken.parse(m.group()).orElseThrow())
                .toList();

        assertEquals(1, found.size(), masked);
        PhiToken token = found.getFirst();
        assertEquals(scheme, token.scheme());
        assertEquals(PhiKind.PHONE, token.kind());
        // The value is base32 of a MAC or a ciphertext, where "555" turns up by chance; the whole number only by a
        // leak.
        assertFalse(token.text().contains(PHONE) || token.text().contains("4155550100"), token.text());
        assertEquals(Optional.of(PHONE), sessionTokens.forSession(session).originalOf(token));
        assertEquals(Optional.empty(), sessionTokens.forSession(newSession()).originalOf(token));
    }

    @ParameterizedTest
    @EnumSource(TokenScheme.class)
    void givenATurnMaskedInASession_rehydrate_restoresItThereAndReportsEveryTokenAsALeakElsewhere(TokenScheme scheme) {
        SessionId session = newSession();
        String turn = "Call me at " + PHONE + " or write to jane.doe@example.com.";

        String masked = masker.mask(session, turn, MaskingPolicy.tokenizeAll(KID, scheme))
                .texts()
                .getFirst();
        Rehydration own = masker.rehydrate(session, masked);
        Rehydration foreign = masker.rehydrate(newSession(), masked);

        assertEquals(
                2,
                PhiToken.SHAPE
                        .matcher(masked)
                        .results()
                        .filter(m -> m.group(1).equals(scheme.name()))
                        .count());
        assertEquals(turn, own.text());
        assertEquals(masked, foreign.text());
        assertEquals(
                List.of(
                        LeakFinding.foreignOrForged(scheme, PhiKind.PHONE),
                        LeakFinding.foreignOrForged(scheme, PhiKind.EMAIL)),
                foreign.findings());
    }
}
