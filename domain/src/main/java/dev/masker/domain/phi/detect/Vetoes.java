package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the text's structure says a candidate cannot be, whichever recognizer proposed it: a country is never a person's
 * city, nor a name where a place is spoken of ("moved from Poland"); the header segment of an HL7 message ({@code MSH})
 * names systems and facilities, never a patient, and an X12 {@code NM1} segment of entity type 2 an organisation (only
 * its NPI is kept); a street line never holds an HL7 component separator ({@code ^}).
 * Asked once per candidate, after every recognizer has run.
 */
final class Vetoes {
    private static final Set<String> COUNTRIES = Set.copyOf(WordListResource.read("countries.txt"));
    /** Words that introduce a place just before a capitalized run. */
    private static final Pattern PLACE_BEFORE =
            Pattern.compile("(?i)\\b(?:from|in|to|visiting|visited|near|across|outside|of)\\s+(?:the\\s+)?$");
    /** A state after a city ("Lebanon, PA"): then the country's name is a US town's. */
    private static final Pattern STATE_AFTER = Pattern.compile("^,?\\s+(?:[A-Z]{2}\\b|[A-Z][a-z]+)");

    private final String text;
    /** The HL7 header lines of the text, as start, end pairs. */
    private final int[] headerLines;
    /** The X12 organisation segments of the text, as start, end pairs. */
    private final int[] organisationSegments;

    private Vetoes(String text, int[] headerLines, int[] organisationSegments) {
        this.text = text;
        this.headerLines = headerLines;
        this.organisationSegments = organisationSegments;
    }

    /** The vetoes for one text: where its HL7 header lines are is found once. */
    static Vetoes of(String text) {
        Positions lines = new Positions();
        for (int at = text.indexOf("MSH|"); at >= 0; at = text.indexOf("MSH|", at + 1)) {
            if (at == 0 || text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\r') {
                int end = at;
                while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                lines.add(at);
                lines.add(end);
            }
        }
        // X12 NM1 segments of an organisation (entity type 2): a payer's or a clinic's name, never a person's.
        Positions organisations = new Positions();
        for (int at = text.indexOf("NM1*"); at >= 0; at = text.indexOf("NM1*", at + 1)) {
            int type = text.indexOf('*', at + 4);
            if (type > 0 && text.startsWith("*2*", type)) {
                int end = at;
                while (end < text.length() && text.charAt(end) != '~' && text.charAt(end) != '\n') {
                    end++;
                }
                organisations.add(at);
                organisations.add(end);
            }
        }
        return new Vetoes(text, lines.toArray(), organisations.toArray());
    }

    /** Whether the candidate {@code [start, end)} of that kind is ruled out by the text around it. */
    boolean rulesOut(int start, int end, PhiKind kind) {
        if (within(headerLines, start) || kind != PhiKind.LICENSE && within(organisationSegments, start)) {
            return true;
        }
        if ((kind == PhiKind.CITY || kind == PhiKind.NAME)
                && end - start <= 40
                && COUNTRIES.contains(
                        NormalizedText.foldLetters(text.substring(start, end)).toLowerCase(Locale.ROOT))) {
            String after = text.substring(end, Math.min(text.length(), end + 20));
            boolean usTown = STATE_AFTER.matcher(after).lookingAt()
                    && AddressRecognizer.isStateOnly(
                            after.replaceFirst("^,?\\s+", "").split("[^A-Za-z]")[0]);
            if (kind == PhiKind.CITY) {
                return !usTown;
            }
            // "El Salvador", "Czech Republic": a country of two words is no person's name wherever it stands.
            return text.indexOf(' ', start) >= 0 && text.indexOf(' ', start) < end
                    || PLACE_BEFORE
                            .matcher(text.substring(Math.max(0, start - 20), start))
                            .find();
        }
        // An HL7 component separator never stands inside a street line: "2345-7^Glucose^LN" is a coded lab test.
        if (kind == PhiKind.ADDRESS && text.indexOf('^', start) >= 0 && text.indexOf('^', start) < end) {
            return true;
        }
        return false;
    }

    private static boolean within(int[] ranges, int at) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (at >= ranges[i] && at < ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
