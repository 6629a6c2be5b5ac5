package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Finds ages of 90 and over, when the words around them say they are ages ("I'm 92", "ninety-one years old"). */
final class AgeRecognizer {
    private AgeRecognizer() {}

    private static final StartFilter.FirstChars AGE_FIRST = StartFilter.FirstChars.of("91noaNOA", false);

    private static final Pattern AGE = Pattern.compile(
            "\\b(9\\d|1[01]\\d|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
                    + "|(?:one|a) hundred(?: and)?(?: (?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
                    + "(?:\\b|(?=y/?o\\b|yrs?\\b|y\\.o\\.))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AGE_BEFORE = Pattern.compile(
            "(?:\\b(?:i'm|i am|he's|she's|he is|she is|is|age|aged|turned|turning|turns|be)\\W{0,2})$",
            Pattern.CASE_INSENSITIVE);
    /** "92 years old", "92-year-old", "93yo", "92 y/o", "91 y.o.", "95 yrs": the words of an age after it. */
    private static final Pattern AGE_AFTER = Pattern.compile(
            "^(?:[- ]years?[- ]old|[- ]year[- ]old|[- ]?y/?o\\b|\\s?y\\.o\\." + "|\\s?yrs?\\b|\\s+years\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NOT_AGE_AFTER = Pattern.compile(
            "^\\s*(?:-|\\s)?(?:mg|milligrams?|percent|%|days?|minutes?|pounds?|lbs?|degrees?|over|dollars|units?|ml|mcg"
                    + "|count|tablets?|pills?|capsules?|refills?|visits?|\\$)",
            Pattern.CASE_INSENSITIVE);

    // ---------------------------------------------------------------- ages of 90 and over

    static void ages(String text, int[] wordStarts, Candidates out) {
        for (MatchResult m : StartFilter.all(AGE, text, wordStarts, AGE_FIRST, at -> startsAge(text, at))) {
            String before = text.substring(Math.max(0, m.start() - 20), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 16));
            if (before.endsWith("$") || NOT_AGE_AFTER.matcher(after).lookingAt()) {
                continue;
            }
            if (AGE_AFTER.matcher(after).lookingAt()
                    || AGE_BEFORE.matcher(before).find()) {
                out.add(m.start(), m.end(), PhiKind.AGE, 65);
            }
        }
    }

    /** What AGE's alternatives need at their start: "9" or "10"/"11" and a digit, "ninety", "one hundred", "a hundred". */
    private static boolean startsAge(String text, int at) {
        char c = text.charAt(at);
        if (c == '9') {
            return at + 1 < text.length() && TextScan.isDigit(text.charAt(at + 1));
        }
        if (c == '1') {
            return at + 2 < text.length()
                    && (text.charAt(at + 1) == '0' || text.charAt(at + 1) == '1')
                    && TextScan.isDigit(text.charAt(at + 2));
        }
        // AGE folds ASCII case only, so comparing ASCII letters in either case is all its words need.
        return RegexText.regionMatchesIgnoringCase(text, at, "ninety")
                || RegexText.regionMatchesIgnoringCase(text, at, "one hundred")
                || RegexText.regionMatchesIgnoringCase(text, at, "a hundred");
    }
}
