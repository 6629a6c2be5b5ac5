package dev.masker.domain.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RehydratorTest {
    private final Rehydrator rehydrator = new Rehydrator(SessionTokens.lookup());

    @Test
    void givenSessionToken_rehydrate_putsOriginalBack() {
        Rehydration result = rehydrator.rehydrate("Call me at " + SessionTokens.PHONE.text() + ", thanks.");

        assertEquals("Call me at (415) 555-0100, thanks.", result.text());
        assertEquals(1, result.restored());
        assertEquals(List.of(), result.findings());
    }

    @Test
    void givenTokensAtStartAndEnd_rehydrate_putsBothBack() {
        Rehydration result = rehydrator.rehydrate(SessionTokens.NAME.text() + " " + SessionTokens.EMAIL.text());

        assertEquals("Zoë Ångström jane@example.com", result.text());
        assertEquals(2, result.restored());
    }

    @Test
    void givenForeignToken_rehydrate_leavesItAndReportsForeignOrForged() {
        String text = "SSN " + SessionTokens.FOREIGN.text() + ".";

        Rehydration result = rehydrator.rehydrate(text);

        assertEquals(text, result.text());
        assertEquals(0, result.restored());
        assertEquals(List.of(LeakFinding.foreignOrForged(TokenScheme.MSKV1, PhiKind.SSN)), result.findings());
        assertEquals("foreign_or_forged", result.findings().getFirst().reason().code());
    }

    @Test
    void givenTokenWithUnknownKind_rehydrate_leavesItAndReportsUnknownKind() {
        String text = "MSK1.NOT_A_KIND.K_HEALTHCARE.MFRGGZDFMZTWQ2LK";

        Rehydration result = rehydrator.rehydrate(text);

        assertEquals(text, result.text());
        assertEquals(List.of(LeakFinding.unknownKind(TokenScheme.MSK1)), result.findings());
        assertEquals("unknown_kind", result.findings().getFirst().reason().code());
    }

    @Test
    void givenTokenGluedToWordCharacters_rehydrate_leavesItWithoutFinding() {
        String token = SessionTokens.PHONE.text();
        String text = "x" + token + " " + token + "_ " + token + "9";

        Rehydration result = rehydrator.rehydrate(text);

        assertEquals(text, result.text());
        assertEquals(List.of(), result.findings());
    }

    @Test
    void givenTokenFollowedByCombiningMark_rehydrate_leavesItBecauseTheMarkGluesToTheValue() {
        String text = SessionTokens.PHONE.text() + "\u0301 ok";

        assertEquals(text, rehydrator.rehydrate(text).text());
    }

    @Test
    void givenLowerCaseLookalikeAndShortValue_rehydrate_leavesThemWithoutFinding() {
        String text = SessionTokens.PHONE.text().toLowerCase() + " MSKV1.PHONE.K_HEALTHCARE.MFRGGZDFMZTWQ2L MSKV1.";

        Rehydration result = rehydrator.rehydrate(text);

        assertEquals(text, result.text());
        assertEquals(List.of(), result.findings());
    }

    @Test
    void givenOriginalThatLooksLikeToken_rehydrate_putsItBackOnceWithoutRehydratingIt() {
        Rehydration result = rehydrator.rehydrate(SessionTokens.HEALTH_PLAN.text());

        assertEquals(SessionTokens.FOREIGN.text(), result.text());
        assertEquals(List.of(), result.findings());
    }

    @Test
    void givenRehydrationAndFinding_toString_showsNeitherOriginalNorTokenValue() {
        Rehydration result = rehydrator.rehydrate(SessionTokens.PHONE.text() + " " + SessionTokens.FOREIGN.text());

        assertFalse(result.toString().contains("555"));
        assertFalse(result.toString().contains(SessionTokens.FOREIGN.value()));
        assertFalse(result.toString().contains("K_HEALTHCARE"));
        assertTrue(result.toString().contains("FOREIGN_OR_FORGED"));
    }

    @Test
    void givenUnknownKindReasonWithKind_create_isRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new LeakFinding(TokenScheme.MSK1, Optional.of(PhiKind.NAME), LeakReason.UNKNOWN_KIND));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LeakFinding(TokenScheme.MSK1, Optional.empty(), LeakReason.FOREIGN_OR_FORGED));
    }

    @Test
    void givenLongestPossibleToken_maxTokenLength_isItsLength() {
        String longest = "MSKV1.HEALTH_PLAN.K_" + "A".repeat(30) + "." + "B".repeat(1024);

        assertTrue(PhiToken.SHAPE.matcher(longest).matches());
        assertEquals(Rehydrator.MAX_TOKEN_LENGTH, longest.length());
        assertFalse(PhiToken.SHAPE.matcher(longest + "B").find());
    }
}
