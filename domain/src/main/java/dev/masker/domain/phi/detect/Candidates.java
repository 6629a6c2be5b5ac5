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

    private record Candidate(int start, int end, PhiKind kind, int priority) {
    }

    /** Adds the candidate {@code [start, end)} unless it is empty. */
    void add(int start, int end, PhiKind kind, int priority) {
        if (end > start) {
            found.add(new Candidate(start, end, kind, priority));
        }
    }

    /** Adds the candidates found in the normalized view, at the places in the original they were written from. */
    void addMapped(Candidates inView, NormalizedText view) {
        for (Candidate c : inView.found) {
            add(view.originalStart(c.start()), view.originalEnd(c.end()), c.kind(), c.priority());
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
        List<Candidate> ordered = new ArrayList<>(found);
        ordered.sort(Candidates::strongerFirst);
        BitSet taken = new BitSet(); // the characters of kept spans
        TreeMap<Integer, Integer> keptByStart = new TreeMap<>(); // start of each kept span -> its index in kept
        List<int[]> kept = new ArrayList<>();
        List<PhiKind> kinds = new ArrayList<>();
        for (Candidate c : ordered) {
            int firstTaken = taken.nextSetBit(c.start());
            if (firstTaken < 0 || firstTaken >= c.end()) {
                keptByStart.put(c.start(), kept.size());
                kept.add(new int[] {c.start(), c.end()});
                kinds.add(c.kind());
                taken.set(c.start(), c.end());
                continue;
            }
            // Kept spans never overlap: those this candidate overlaps start before its end, the last of them first.
            Map.Entry<Integer, Integer> last = keptByStart.lowerEntry(c.end());
            int overlapped = last.getValue();
            Map.Entry<Integer, Integer> before = keptByStart.lowerEntry(last.getKey());
            boolean several = kept.get(overlapped)[0] > c.start() && before != null && kept.get(before.getValue())[1] > c.start();
            if (!several && kinds.get(overlapped) == c.kind()) {
                int[] span = kept.get(overlapped);
                keptByStart.remove(span[0]);
                span[0] = Math.min(span[0], c.start());
                span[1] = Math.max(span[1], c.end());
                keptByStart.put(span[0], overlapped);
                taken.set(span[0], span[1]);
            }
        }
        List<PhiSpan> spans = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            spans.add(new PhiSpan(kept.get(i)[0], kept.get(i)[1], kinds.get(i)));
        }
        spans.sort(Comparator.comparingInt(PhiSpan::start));
        List<PhiSpan> widened = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            PhiSpan span = spans.get(i);
            int floor = i == 0 ? 0 : widened.get(i - 1).end();
            int ceiling = i + 1 < spans.size() ? spans.get(i + 1).start() : text.length();
            int start = span.start();
            while (start > floor && insideWord(text, start)) {
                start--;
            }
            int end = span.end();
            while (end < ceiling && insideWord(text, end)) {
                end++;
            }
            widened.add(start == span.start() && end == span.end() ? span : new PhiSpan(start, end, span.kind()));
        }
        return List.copyOf(widened);
    }

    /** Whether {@code at} falls between two letters or digits of one word. */
    private static boolean insideWord(String text, int at) {
        return at > 0 && at < text.length() && Character.isLetterOrDigit(text.charAt(at - 1))
                && Character.isLetterOrDigit(text.charAt(at));
    }
}
