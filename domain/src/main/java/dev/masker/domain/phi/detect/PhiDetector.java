package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiSpan;
import java.util.List;
import java.util.Objects;

/**
 * Finds the PHI in one conversation turn (SPEC §6): formatted and spoken values, validated by check digits where the
 * format has one, typed by the words around them, and names by context, capitalization and census name lists.
 * Candidates from all recognizers are merged so the result never overlaps; stronger evidence wins.
 * Stateless and thread-safe.
 */
public final class PhiDetector {
    private static final System.Logger LOG = System.getLogger(PhiDetector.class.getName());

    private final NameRecognizer names;
    private final NameFormRecognizer nameForms;

    /** A detector that checks name candidates against the given lists. */
    public PhiDetector(NameLists names) {
        NameIndex index = new NameIndex(Objects.requireNonNull(names, "names"));
        this.names = new NameRecognizer(index);
        this.nameForms = new NameFormRecognizer(index);
    }

    /** A detector with the census name lists shipped in this module. */
    public static PhiDetector withBundledNameLists() {
        return new PhiDetector(NameLists.bundled());
    }

    /** The PHI spans of the text, sorted by start, never overlapping. */
    public List<PhiSpan> detect(String text) {
        List<PhiSpan> spans = candidates(text).resolve(text);
        // Counts and lengths only: the text and the values are PHI and never reach a log.
        LOG.log(
                System.Logger.Level.DEBUG,
                () -> "detected " + spans.size() + " PHI spans in " + text.length() + " chars");
        return spans;
    }

    /** The spans {@link #detect} finds, each with the recognizer and the evidence that produced it. */
    public List<ExplainedSpan> explain(String text) {
        List<ExplainedSpan> spans = candidates(text).explain(text);
        // Counts and lengths only, as for detect.
        LOG.log(
                System.Logger.Level.DEBUG,
                () -> "explained " + spans.size() + " PHI spans in " + text.length() + " chars");
        return spans;
    }

    private Candidates candidates(String text) {
        Objects.requireNonNull(text, "text");
        Candidates found = new Candidates();
        recognize(text, found);
        // The same recognizers read the spoken and structured forms in the normalized view, mapped back here.
        NormalizedText normalized = NormalizedText.of(text);
        if (normalized.changed()) {
            Candidates inView = new Candidates();
            recognize(normalized.text(), inView);
            inView.widenPhones(normalized.text()); // "extension six nine one" reads "extension 691" here
            found.addMapped(inView, normalized);
        }
        found.widenPhones(text);
        found.removeRuledOut(text);
        return found;
    }

    private void recognize(String text, Candidates found) {
        int[] wordStarts = TextScan.wordStarts(text);
        found.from("contact (e-mail)");
        ContactRecognizer.emails(text, found);
        int[] spokenDots = ContactRecognizer.spokenDots(text);
        found.from("contact (URL)");
        ContactRecognizer.urls(text, wordStarts, spokenDots, found);
        found.from("contact (IP)");
        ContactRecognizer.ips(text, wordStarts, spokenDots, found);
        found.from("date");
        DateRecognizer.dates(text, wordStarts, found);
        found.from("address");
        AddressRecognizer.addresses(text, wordStarts, found);
        found.from("place");
        PlaceRecognizer.places(text, wordStarts, found);
        found.from("spelled name");
        SpelledNameRecognizer.spelledNames(text, wordStarts, found);
        found.from("value run");
        ValueRunRecognizer.valueRuns(text, found);
        found.from("age");
        AgeRecognizer.ages(text, wordStarts, found);
        found.from("name");
        names.names(text, wordStarts, found);
        found.from("name form");
        nameForms.names(text, found);
        found.from("structured field");
        StructuredFieldRecognizer.fields(text, found);
    }
}
