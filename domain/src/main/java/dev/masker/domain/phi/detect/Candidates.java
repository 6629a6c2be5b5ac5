package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiSpan;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

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

    /** Higher priority first, then longer, then earlier; a stable sort keeps the order found among equals. */
    private static int strongerFirst(Candidate a, Candidate b) {
        int byPriority = Integer.compare(b.priority(), a.priority());
        if (byPriority != 0) {
            return byPriority;
        }
        int byLength = Integer.compare(b.end() - b.start(), a.end() - a.start());
        return byLength != 0 ? byLength : Integer.compare(a.start(), b.start());
    }

    /** Keeps the strongest candidates (priority, then length, then position) that do not overlap a kept one. */
    List<PhiSpan> resolve() {
        List<Candidate> ordered = new ArrayList<>(found);
        ordered.sort(Candidates::strongerFirst);
        // The characters taken by kept spans: a candidate is kept when none of its characters is taken.
        BitSet taken = new BitSet();
        List<PhiSpan> kept = new ArrayList<>();
        for (Candidate c : ordered) {
            int firstTaken = taken.nextSetBit(c.start());
            if (firstTaken < 0 || firstTaken >= c.end()) {
                taken.set(c.start(), c.end());
                kept.add(new PhiSpan(c.start(), c.end(), c.kind()));
            }
        }
        kept.sort(Comparator.comparingInt(PhiSpan::start));
        return List.copyOf(kept);
    }
}
