package dev.masker.domain.report;

import java.util.OptionalLong;

/**
 * A check of the part of the audit chain a report rests on: every event from {@code fromSequence} to
 * {@code toSequence} (the scope's first and last, and everything between, whoever it belongs to) re-hashes to its stored
 * hash, names the previous event's hash (the first one, the hash of the event before it), leaves no gap, and agrees
 * with its body on the columns reports select by. Events outside the segment are not checked: that is the whole-chain
 * verification's job.
 */
public record SegmentCheck(long fromSequence, long toSequence, long eventsChecked, OptionalLong firstBreak) {
    /** Nothing to check: the scope has no events. */
    public static final SegmentCheck NONE = new SegmentCheck(0, 0, 0, OptionalLong.empty());

    public SegmentCheck {
        if (eventsChecked < 0 || fromSequence > toSequence) {
            throw new IllegalArgumentException("a segment runs forward and counts what it checked");
        }
        if (firstBreak == null) {
            throw new NullPointerException("firstBreak");
        }
    }

    /** Every event of the segment is where it should be, as it was written. */
    public boolean intact() {
        return firstBreak.isEmpty() && eventsChecked == (eventsChecked == 0 ? 0 : toSequence - fromSequence + 1);
    }
}
