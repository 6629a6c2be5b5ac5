package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.in.RevealTokenQuery;
import dev.masker.application.port.in.TokenizeValueCommand;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.session.SessionId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The token use cases as the server wires them: the configured key, the vault in PostgreSQL, Tink's AES-SIV. */
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
    void givenAValueTokenizedInASession_reveal_givesItBackInThatSessionOnly(TokenScheme scheme) {
        PhiTokenUseCases tokens = masker.server().phiTokens();
        SessionId session = newSession();

        PhiToken token = tokens.tokenize().tokenize(new TokenizeValueCommand(session, scheme, PhiKind.PHONE, KID, PHONE));

        assertEquals(scheme, token.scheme());
        assertTrue(PhiToken.SHAPE.matcher(token.text()).matches());
        assertFalse(token.text().contains("555"));
        assertEquals(Optional.of(PHONE), tokens.reveal().reveal(new RevealTokenQuery(session, token)));
        if (scheme == TokenScheme.MSKV1) {
            assertEquals(Optional.empty(), tokens.reveal().reveal(new RevealTokenQuery(newSession(), token)));
        }
    }
}
