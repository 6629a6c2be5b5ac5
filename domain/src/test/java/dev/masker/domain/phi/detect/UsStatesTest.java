package dev.masker.domain.phi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The end-of-window state test is what a search with its regex finds; held to that regex on seeded random windows. */
class UsStatesTest {
    private static final Pattern RULE = Pattern.compile("(?:(?i:" + String.join("|", UsStates.NAMES) + ")|(?:"
            + String.join("|", UsStates.CODES) + ")|, ?(?i:" + String.join("|", UsStates.CODES) + ")),?\\s*$");

    @Test
    void givenStatesAndLookAlikes_endWindow_findsOnlyAStateEndingTheWindow() {
        assertTrue(UsStates.endWindow("Austin, TX ", 0, 11));
        assertTrue(UsStates.endWindow("Austin, tx", 0, 10));
        assertFalse(UsStates.endWindow("Austin tx", 0, 9)); // a lower-case code needs the comma
        assertTrue(UsStates.endWindow("Portland, oregon,\u2028", 0, 18));
        assertTrue(UsStates.endWindow("NEW YORK ", 0, 9));
        assertFalse(UsStates.endWindow("New York is", 0, 11));
        assertFalse(UsStates.endWindow("Kansas", 1, 6)); // the window is "ansas"
        assertTrue(UsStates.endWindow("Arkansas", 2, 8)); // no word boundary is asked before the state
    }

    @Test
    void givenSeededRandomWindows_endWindow_agreesWithTheRegex() {
        List<String> pieces = List.of(
                "Texas",
                "texas",
                "TX",
                "tx",
                "Tx",
                "New York",
                "new  york",
                "York",
                "Kansas",
                "Arkansas",
                "Virginia",
                "West Virginia",
                "IN",
                "in",
                ",",
                ", ",
                " ",
                "  ",
                "\t",
                "\n",
                "\r\n",
                "\u0085",
                "\u2028",
                "x",
                "7",
                "_",
                "é",
                "\u212Aansas",
                "ı",
                "Ohio",
                "OH",
                "oh",
                "DC",
                "d",
                "C");
        for (RandomWindows.Window window : RandomWindows.of("ab", pieces, 5, 200_000)) {
            String text = window.text();
            int from = window.from();
            int to = window.to();
            String shown = window.shown();
            assertEquals(RULE.matcher(shown).find(), UsStates.endWindow(text, from, to), () -> "[" + shown + "]");
        }
    }
}
