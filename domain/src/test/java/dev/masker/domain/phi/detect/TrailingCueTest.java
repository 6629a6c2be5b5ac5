package dev.masker.domain.phi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cue is what a case-insensitive regex {@code (?:\bphrase|...)TAIL$} finds in the window; these tests hold it to
 * that regex on chosen and on seeded random windows.
 */
class TrailingCueTest {
    private static final List<String> PHRASES =
            TrailingCue.phrases("name is", "patient[ is]", "thanks[,]", "dr[.]", "confirm,", "name's", "my wife");
    private static final Pattern NON_WORD_TAIL = regex(PHRASES, "[^\\w.!?]{0,3}$");
    private static final Pattern ONE_BLANK_TAIL = regex(PHRASES, "\\s$");
    /** Matched whole, after any prefix. */
    private static final Pattern BLANKS_TAIL =
            Pattern.compile("(?s).*" + regex(PHRASES, "\\s*").pattern(), Pattern.CASE_INSENSITIVE);

    private static Pattern regex(List<String> phrases, String tail) {
        StringBuilder alternatives = new StringBuilder();
        for (String phrase : phrases) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append("\\b").append(Pattern.quote(phrase));
        }
        return Pattern.compile("(?:" + alternatives + ")" + tail, Pattern.CASE_INSENSITIVE);
    }

    @Test
    void givenBracketedParts_phrases_expandsEveryCombination() {
        assertEquals(List.of("patient", "patient is"), TrailingCue.phrases("patient[ is]"));
        assertEquals(List.of("a", "ac", "ab", "abc"), TrailingCue.phrases("a[b][c]"));
        assertEquals(List.of("my mom", "my dad"), TrailingCue.withEndings(List.of("my "), "mom", "dad"));
    }

    @Test
    void givenUpperCaseOrNonLetterStartOrNonAscii_create_refusesThePhrase() {
        assertThrows(IllegalArgumentException.class, () -> TrailingCue.thenNonWordChars(List.of("Name is")));
        assertThrows(IllegalArgumentException.class, () -> TrailingCue.thenNonWordChars(List.of(": name")));
        assertThrows(IllegalArgumentException.class, () -> TrailingCue.thenNonWordChars(List.of("café")));
    }

    @Test
    void givenNonWordTail_endsWindow_needsAWordStartAndAtMostThreeNonWordCharacters() {
        TrailingCue cue = TrailingCue.thenNonWordChars(PHRASES);
        assertTrue(cue.endsWindow("Hi, my NAME IS ", 0, 15));
        assertTrue(cue.endsWindow("the patient: ", 0, 13));
        assertTrue(cue.endsWindow("thanks,,,,", 0, 10)); // "thanks," and three more
        assertFalse(cue.endsWindow("thanks,,,,,", 0, 11));
        assertFalse(cue.endsWindow("outpatient ", 0, 11));
        assertFalse(cue.endsWindow("patients ", 0, 9));
        assertTrue(cue.endsWindow("xxpatient ", 2, 10)); // the window's start is a word's start
        assertTrue(cue.endsWindow("ask dr.  \n", 0, 10)); // three after "dr.", then a final line terminator
        assertFalse(cue.endsWindow("ask dr.    \n", 0, 12));
        assertFalse(cue.endsWindow("the patient.\n\n", 0, 14)); // a cue does not reach past its sentence
        assertFalse(cue.endsWindow("thanks! ", 0, 8));
    }

    @Test
    void givenOneBlankTail_endsWindow_takesExactlyOneBlank() {
        TrailingCue cue = TrailingCue.thenOneBlank(PHRASES);
        assertTrue(cue.endsWindow("and my wife ", 0, 12));
        assertFalse(cue.endsWindow("and my wife", 0, 11));
        assertFalse(cue.endsWindow("and my wife  x", 0, 14));
        assertFalse(cue.endsWindow("and my wife\r\n", 0, 13));
        assertTrue(cue.endsWindow("and my wife \r\n", 0, 14));
    }

    @Test
    void givenBlanksTail_endsWindow_takesAnyBlanksButNoOtherLineTerminator() {
        TrailingCue cue = TrailingCue.thenBlanks(PHRASES);
        assertTrue(cue.endsWindow("ask DR.", 0, 7));
        assertTrue(cue.endsWindow("ask dr \t\n\r  ", 0, 12));
        assertFalse(cue.endsWindow("ask dr\u2028", 0, 7));
        assertFalse(cue.endsWindow("ask dr: ", 0, 8));
    }

    @Test
    void givenSeededRandomWindows_endsWindow_agreesWithTheRegex() {
        TrailingCue nonWord = TrailingCue.thenNonWordChars(PHRASES);
        TrailingCue oneBlank = TrailingCue.thenOneBlank(PHRASES);
        TrailingCue blanks = TrailingCue.thenBlanks(PHRASES);
        List<String> pieces = List.of(
                "name",
                " is",
                "NAME IS",
                "patient",
                "Patient Is",
                "thanks",
                ",",
                ".",
                ":",
                " ",
                "  ",
                "\n",
                "\r",
                "\r\n",
                "\u0085",
                "\u2028",
                "_",
                "x",
                "7",
                "é",
                "K",
                "\u212A",
                "dr",
                "DR.",
                "confirm",
                "'s",
                "name's",
                "my",
                " wife",
                "\t",
                "out",
                "-",
                "’",
                "\u0301",
                "\u0307",
                "e\u0301",
                "\uD835\uDC00",
                "\uD834\uDD67",
                "\uD835",
                "\uDC00");
        for (RandomWindows.Window window : RandomWindows.of("ab ", pieces, 6, 200_000)) {
            String text = window.text();
            int from = window.from();
            int to = window.to();
            String shown = window.shown();
            assertEquals(
                    NON_WORD_TAIL.matcher(shown).find(),
                    nonWord.endsWindow(text, from, to),
                    () -> "non-word tail: [" + shown + "]");
            assertEquals(
                    ONE_BLANK_TAIL.matcher(shown).find(),
                    oneBlank.endsWindow(text, from, to),
                    () -> "one-blank tail: [" + shown + "]");
            assertEquals(
                    BLANKS_TAIL.matcher(shown).matches(),
                    blanks.endsWindow(text, from, to),
                    () -> "blanks tail: [" + shown + "]");
        }
    }
}
