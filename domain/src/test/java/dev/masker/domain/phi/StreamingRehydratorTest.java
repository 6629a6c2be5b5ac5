package dev.masker.domain.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingRehydratorTest {
    private final StreamingRehydrator stream = new StreamingRehydrator(SessionTokens.lookup());

    @Test
    void givenTextWithoutTokenPrefix_accept_emitsAllAtOnce() {
        assertEquals("Hello, how are you?", stream.accept("Hello, how are you?"));
        assertEquals(0, stream.heldBack());
    }

    @Test
    void givenTokenSplitAcrossChunks_accept_emitsTheOriginalOnceTheTokenEnds() {
        String token = SessionTokens.PHONE.text();

        assertEquals("Call ", stream.accept("Call " + token.substring(0, 3)));
        assertEquals("", stream.accept(token.substring(3, 20)));
        assertEquals("", stream.accept(token.substring(20)));
        assertEquals("(415) 555-0100. Bye", stream.accept(". Bye"));
        assertEquals("", stream.finish());
        assertEquals(1, stream.restored());
    }

    @Test
    void givenWordBeforeMsk_accept_holdsNothingBecauseNoTokenCanStartThere() {
        assertEquals("FOOMSK", stream.accept("FOOMSK"));
    }

    @Test
    void givenNearMissPrefix_accept_emitsItAsSoonAsItCannotBeAToken() {
        assertEquals("a ", stream.accept("a MSKV1.PH"));
        assertEquals(8, stream.heldBack());
        assertEquals("MSKV1.PH1", stream.accept("1"));
        assertEquals(0, stream.heldBack());
    }

    @Test
    void givenFullTokenAtEndOfChunk_accept_holdsItUntilTheValueCannotGrow() {
        String token = SessionTokens.PHONE.text();

        assertEquals("", stream.accept(token));
        assertEquals(token.length(), stream.heldBack());
        assertEquals("", stream.accept("AB"));
        assertEquals(token + "ABx", stream.accept("x"));
        assertEquals(List.of(), stream.findings());
    }

    @Test
    void givenTokenAtEndOfStream_finish_rehydratesIt() {
        stream.accept("name: " + SessionTokens.NAME.text());

        assertEquals("Zoë Ångström", stream.finish());
    }

    @Test
    void givenForeignTokenInChunks_finish_reportsOneFindingAndKeepsTheToken() {
        String token = SessionTokens.FOREIGN.text();
        StringBuilder out = new StringBuilder();

        stream.accept(token.substring(0, 10), out);
        stream.accept(token.substring(10) + " ", out);
        stream.finish(out);

        assertEquals(token + " ", out.toString());
        assertEquals(List.of(LeakFinding.foreignOrForged(TokenScheme.MSKV1, PhiKind.SSN)), stream.findings());
    }

    @Test
    void givenChunkEndingInHighSurrogate_accept_holdsItUntilItsPairArrives() {
        assertEquals("ok ", stream.accept("ok \uD83D"));
        assertEquals("\uD83D\uDE00", stream.accept("\uDE00"));
    }

    @Test
    void givenValueFollowedBySupplementaryMarkSplitInHalf_accept_leavesTheGluedTokenAlone() {
        // U+1D167 is a non-spacing mark outside the BMP: it glues to the value, so there is no token boundary.
        String token = SessionTokens.PHONE.text();
        StringBuilder out = new StringBuilder();

        stream.accept(token + "\uD834", out);
        stream.accept("\uDD67 ", out);
        stream.finish(out);

        assertEquals(token + "\uD834\uDD67 ", out.toString());
    }

    @Test
    void givenEmptyChunks_accept_emitsNothingAndHoldsNothing() {
        assertEquals("", stream.accept(""));
        assertEquals("a", stream.accept("a"));
        assertEquals("", stream.accept(""));
        assertEquals(0, stream.heldBack());
        assertEquals("", stream.finish());
    }

    @Test
    void givenLeakedTokensSplitAcrossChunks_finish_reportsThemInTextOrder() {
        String unknown = "MSK1.NOT_A_KIND.K_X.MFRGGZDFMZTWQ2LK";
        String text = SessionTokens.FOREIGN.text() + " and " + unknown + " and " + SessionTokens.PHONE.text();
        StringBuilder out = new StringBuilder();

        for (int at = 0; at < text.length(); at += 7) {
            stream.accept(text.substring(at, Math.min(text.length(), at + 7)), out);
        }
        stream.finish(out);

        assertEquals(SessionTokens.FOREIGN.text() + " and " + unknown + " and (415) 555-0100", out.toString());
        assertEquals(
                List.of(
                        LeakFinding.foreignOrForged(TokenScheme.MSKV1, PhiKind.SSN),
                        LeakFinding.unknownKind(TokenScheme.MSK1)),
                stream.findings());
        assertEquals(1, stream.restored());
    }

    @Test
    void givenFinishedStream_accept_isRejected() {
        stream.finish();

        assertThrows(IllegalStateException.class, () -> stream.accept("more"));
    }
}
