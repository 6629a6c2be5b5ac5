package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiSpan;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The candidate spans the recognizers find in one text, each with the priority of its evidence, and their merge into
 * the PHI spans kept: stronger evidence wins, and no two kept spans overlap. Made for one call of
 * {@link PhiDetector#detect}, so never shared between threads.
 */
final class Candidates {
    private final List<Candidate> found = new ArrayList<>();
    /** The recognizer whose candidates are being added, set by the detector before it runs each. */
    private String recognizer = "";

    private record Candidate(
            int start, int end, PhiKind kind, int priority, String recognizer, String evidence, boolean inView) {}

    /** Names the recognizer whose candidates follow, for {@link PhiDetector#explain}. */
    void from(String recognizerName) {
        this.recognizer = recognizerName;
    }

    /** Adds the candidate {@code [start, end)} unless it is empty. */
    void add(int start, int end, PhiKind kind, int priority) {
        add(start, end, kind, priority, "");
    }

    /**
     * Adds the candidate {@code [start, end)} unless it is empty, with the evidence that made it (a field's name, "a
     * context word", "its format"): words of Masker's own vocabulary, never text of the turn.
     */
    void add(int start, int end, PhiKind kind, int priority, String evidence) {
        if (end > start) {
            found.add(new Candidate(start, end, kind, priority, recognizer, evidence, false));
        }
    }

    /** Adds the candidates found in the normalized view, at the places in the original they were written from. */
    void addMapped(Candidates inView, NormalizedText view) {
        String written = view.text();
        for (Candidate c : inView.found) {
            // Blanks at a candidate's edges (the line break that ends each stretch of the view) stand for nothing.
            int viewStart = c.start();
            int viewEnd = c.end();
            while (viewStart < viewEnd && Character.isWhitespace(written.charAt(viewStart))) {
                viewStart++;
            }
            while (viewEnd > viewStart && Character.isWhitespace(written.charAt(viewEnd - 1))) {
                viewEnd--;
            }
            if (viewEnd == viewStart) {
                continue;
            }
            int start = view.originalStart(viewStart);
            int end = view.originalEnd(viewEnd);
            if (end > start) {
                found.add(new Candidate(start, end, c.kind(), c.priority(), c.recognizer(), c.evidence(), true));
            }
        }
    }

    /**
     * Widens each phone and fax number over its extension and its spoken country code: "505-992-5649 ext 26",
     * "(973) 848-6395 x503", "plus one 971 ...". The widened span is a candidate of its own, a little stronger.
     */
    void widenPhones(String text) {
        int count = found.size();
        for (int i = 0; i < count; i++) {
            Candidate c = found.get(i);
            if (c.kind() == PhiKind.PHONE || c.kind() == PhiKind.FAX) {
                int start = PhoneParts.countryCodeStart(text, c.start());
                int end = PhoneParts.extensionEnd(text, c.end());
                if (start < c.start() || end > c.end()) {
                    found.add(new Candidate(
                            start,
                            end,
                            c.kind(),
                            c.priority() + 1,
                            c.recognizer(),
                            "an extension or country code",
                            c.inView()));
                }
            }
        }
    }

    /** Drops the candidates the text's structure rules out ({@link Vetoes}). */
    void removeRuledOut(String text) {
        Vetoes vetoes = Vetoes.of(text);
        found.removeIf(c -> vetoes.rulesOut(c.start(), c.end(), c.kind()));
    }

    /** Higher priority first, then longer, then earlier; a stable sort keeps the order found among equals. */
    private static int strongerFirst(Candidate a, Candidate b) {
        int byPriority = Integer.compare(b.priority(), a.priority());
        if (byPriority != 0) {
            return byPriority;
        }
        int byLength = Integer.compare(b.end() - b.start(), a.end() - a.start());
        return byLength != 0 ? byLength : Integer.compare(a.start(), b.start());
    }

    /**
     * Keeps the strongest candidates (priority, then length, then position) that do not overlap a kept one. A weaker
     * candidate of the same kind that overlaps exactly one kept span and reaches past it widens that span: two readings
     * of one value (the written one in the normalized view, the spoken one here) mask all of it. Each span is then
     * widened to whole words of the text: a span never starts or ends inside a word, so no part of a value is left
     * beside its token.
     */
    List<PhiSpan> resolve(String text) {
        return explain(text).stream().map(ExplainedSpan::span).toList();
    }

    /** What {@link #resolve} keeps, each span with the candidate that won it and any that widened it. */
    List<ExplainedSpan> explain(String text) {
        List<Candidate> ordered = new ArrayList<>(found);
        ordered.sort(Candidates::strongerFirst);
        BitSet taken = new BitSet(); // the characters of kept spans
        TreeMap<Integer, Integer> keptByStart = new TreeMap<>(); // start of each kept span -> its index in kept
        List<int[]> kept = new ArrayList<>();
        List<Candidate> winners = new ArrayList<>();
        List<List<String>> widenedBy = new ArrayList<>();
        for (Candidate c : ordered) {
            int firstTaken = taken.nextSetBit(c.start());
            if (firstTaken < 0 || firstTaken >= c.end()) {
                keptByStart.put(c.start(), kept.size());
                kept.add(new int[] {c.start(), c.end()});
                winners.add(c);
                widenedBy.add(new ArrayList<>());
                taken.set(c.start(), c.end());
                continue;
            }
            // Kept spans never overlap: those this candidate overlaps start before its end, the last of them first.
            Map.Entry<Integer, Integer> last = keptByStart.lowerEntry(c.end());
            int overlapped = last.getValue();
            Map.Entry<Integer, Integer> before = keptByStart.lowerEntry(last.getKey());
            boolean several =
                    kept.get(overlapped)[0] > c.start() && before != null && kept.get(before.getValue())[1] > c.start();
            int[] span = kept.get(overlapped);
            if (!several && winners.get(overlapped).kind() == c.kind() && (c.start() < span[0] || c.end() > span[1])) {
                keptByStart.remove(span[0]);
                span[0] = Math.min(span[0], c.start());
                span[1] = Math.max(span[1], c.end());
                keptByStart.put(span[0], overlapped);
                taken.set(span[0], span[1]);
                widenedBy.get(overlapped).add(describe(c));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> kept.get(i)[0]));
        List<ExplainedSpan> explained = new ArrayList<>(kept.size());
        int floor = 0;
        for (int n = 0; n < order.size(); n++) {
            int i = order.get(n);
            int ceiling = n + 1 < order.size() ? kept.get(order.get(n + 1))[0] : text.length();
            int start = kept.get(i)[0];
            while (start > floor && insideWord(text, start) && !isEscape(text, start - 1)) {
                start--;
            }
            start = afterEscape(text, start, kept.get(i)[1]);
            int end = kept.get(i)[1];
            while (end < ceiling && insideWord(text, end)) {
                end++;
            }
            Candidate winner = winners.get(i);
            explained.add(new ExplainedSpan(
                    new PhiSpan(start, end, winner.kind()),
                    winner.recognizer(),
                    winner.evidence(),
                    winner.inView(),
                    winner.priority(),
                    List.copyOf(widenedBy.get(i))));
            floor = end;
        }
        return List.copyOf(explained);
    }

    private static String describe(Candidate c) {
        return c.recognizer()
                + (c.evidence().isEmpty() ? "" : " (" + c.evidence() + ")")
                + (c.inView() ? " in the normalized view" : "");
    }

    /**
     * Whether the letter at {@code at} is the letter of a backslash escape ({@code \\n} in a JSON string): a value next
     * to it starts after it, so masking never cuts an escape in two and the JSON stays valid.
     */
    private static boolean isEscape(String text, int at) {
        return at > 0 && text.charAt(at - 1) == '\\' && (at < 2 || text.charAt(at - 2) != '\\');
    }

    /** The start moved past an escape it begins with ({@code \\n}, {@code \\u00e9}), if the span goes on after it. */
    private static int afterEscape(String text, int start, int end) {
        if (start > 0 && isEscape(text, start)) {
            int after = start + (text.charAt(start) == 'u' ? 5 : 1);
            return after < end ? after : start;
        }
        return start;
    }

    /** Whether {@code at} falls between two letters or digits of one word. */
    private static boolean insideWord(String text, int at) {
        return at > 0
                && at < text.length()
                && Character.isLetterOrDigit(text.charAt(at - 1))
                && Character.isLetterOrDigit(text.charAt(at));
    }
}
