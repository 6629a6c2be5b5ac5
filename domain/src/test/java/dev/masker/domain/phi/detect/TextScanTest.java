package dev.masker.domain.phi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The search for a cue word is what comparing it with {@link String#regionMatches} at every position finds. */
class TextScanTest {
    /** Letters in both cases, the characters the JDK folds to ASCII letters, blanks and punctuation. */
    private static final String ALPHABET = "abkisoKISO \u212A\u0130\u0131\u017F.,-'dDfFxX\u00e9";

    private static final String[] WORDS = {
        "here", "again", "plate", "tag", "box", " of ", " dot ", "birth", "dob", "d.o.b", "b-day", "d o b", "ki", "s"
    };

    @Test
    void givenFoldingCharacters_indexOfIgnoreCase_findsWhatRegionMatchesFinds() {
        assertEquals(3, TextScan.indexOfIgnoreCase("my \u212Ai", "ki", 0)); // the Kelvin sign is a k
        assertEquals(0, TextScan.indexOfIgnoreCase("\u017Fo", "SO", 0)); // the long s is an s
        assertEquals(6, TextScan.indexOfIgnoreCase("there here", "here", 2)); // past the one inside "there"
        assertEquals(3, TextScan.indexOfIgnoreCase("box", "box", 1)); // none: the length
    }

    @Test
    void givenSeededRandomTexts_indexOfIgnoreCase_findsWhatRegionMatchesFinds() {
        Random random = new Random(20261207);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (random.nextInt(3) == 0) {
                text.insert(random.nextInt(text.length() + 1), WORDS[random.nextInt(WORDS.length)].toUpperCase());
            }
            for (String word : WORDS) {
                for (int from = -1; from <= text.length() + 1; from++) {
                    assertEquals(
                            everyPosition(text.toString(), word, from),
                            TextScan.indexOfIgnoreCase(text.toString(), word, from),
                            () -> text + " / " + word);
                }
            }
        }
    }

    private static int everyPosition(String text, String word, int from) {
        for (int i = Math.max(0, from); i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return text.length();
    }
}
