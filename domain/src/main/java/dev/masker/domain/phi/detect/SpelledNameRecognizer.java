package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Finds names spelled out letter by letter: "J-A-N-E", "S as in Sam, M, I, T, H", and "j a n e" after a cue to spell.
 */
final class SpelledNameRecognizer {
    private SpelledNameRecognizer() {
    }


    // The characters each pattern's matches can start with (its case-insensitive letters in both cases).
    private static final StartFilter.FirstChars LETTERS = StartFilter.FirstChars.of(TextScan.ASCII_LETTERS, false);

    private static final Pattern SPELLED_DASHED = Pattern.compile(
            "(?<![\\w-])[A-Za-z](?:-[A-Za-z]){2,}(?:,? (?:dash|hyphen|apostrophe|space),? [A-Za-z](?:-[A-Za-z])+)*(?![\\w-])");
    private static final Pattern SPELLED_SPACED = Pattern.compile("(?<![\\w-])[A-Za-z](?:,? [A-Za-z]){2,}(?![\\w-])");
    private static final Pattern SPELLED_AS_IN = Pattern.compile(
            "\\b[A-Za-z] as in [A-Za-z]+(?:,? (?:[A-Za-z](?: as in [A-Za-z]+)?|apostrophe|dash|hyphen|space)\\b)+"
            + "|\\b[A-Za-z](?:, (?:apostrophe|dash|hyphen|[A-Za-z](?:-[A-Za-z])*))+\\b");
    private static final Pattern SPELL_CONTEXT = Pattern.compile(
            "(?:spell\\w*|spelling|name is|name|that's|that is|it's|it is|last name|first name)\\W{0,4}$",
            Pattern.CASE_INSENSITIVE);

    // ---------------------------------------------------------------- spelled names

    /** Each spelled form opens with {@code \\b} or {@code (?<![\\w-])} and a letter: at an ASCII word start. */
    static void spelledNames(String text, int[] wordStarts, Candidates out) {
        // Every form starts with one ASCII letter followed by a hyphen, a space or a comma.
        Positions letters = new Positions();
        for (int at : wordStarts) {
            if (RegexText.isLetter(text.charAt(at)) && at + 1 < text.length() && "- ,".indexOf(text.charAt(at + 1)) >= 0) {
                letters.add(at);
            }
        }
        int[] singleLetters = letters.toArray();
        for (MatchResult dashed : StartFilter.all(SPELLED_DASHED, text, singleLetters, LETTERS,
                at -> RegexText.isLetter(text.charAt(at)) && text.startsWith("-", at + 1))) {
            out.add(dashed.start(), dashed.end(), PhiKind.NAME, 81);
        }
        for (MatchResult asIn : StartFilter.all(SPELLED_AS_IN, text, singleLetters, LETTERS,
                at -> RegexText.isLetter(text.charAt(at))
                        && (text.startsWith(" as in ", at + 1) || text.startsWith(", ", at + 1)))) {
            if (asIn.group().length() >= 7) {
                out.add(asIn.start(), asIn.end(), PhiKind.NAME, 81);
            }
        }
        for (MatchResult spaced : StartFilter.all(SPELLED_SPACED, text, singleLetters, LETTERS,
                at -> RegexText.isLetter(text.charAt(at)) && (text.startsWith(" ", at + 1) || text.startsWith(",", at + 1)))) {
            String before = text.substring(Math.max(0, spaced.start() - 30), spaced.start());
            if (SPELL_CONTEXT.matcher(before).find() && spaced.group().replace(",", "").replace(" ", "").length() >= 3) {
                out.add(spaced.start(), spaced.end(), PhiKind.NAME, 79);
            }
        }
    }
}
