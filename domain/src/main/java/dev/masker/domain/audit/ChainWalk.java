package dev.masker.domain.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Re-computes the hash chain one event at a time, in order, and tells the first event where it does not hold: a
 * sequence number out of line (an event removed, inserted or moved), a {@code prev_hash} that is not the previous
 * event's hash, or a body that does not hash to its stored hash (edited). The database verifier and the export file
 * verifier both walk with it; neither holds more than the current position, so a chain of any length is checked in
 * constant memory.
 *
 * <p>A walk from {@link ChainPosition#GENESIS} checks a whole chain; an export of a period starts mid-chain, so its walk
 * starts {@link #after} the position its first event names, which is taken as given.
 */
public final class ChainWalk {
    private final ChainPosition start;
    private ChainPosition position;
    private long checked;

    private ChainWalk(ChainPosition start) {
        this.start = Objects.requireNonNull(start, "start");
        this.position = start;
    }

    /** A walk over a whole chain, from its first event. */
    public static ChainWalk fromGenesis() {
        return new ChainWalk(ChainPosition.GENESIS);
    }

    /** A walk over a part of a chain whose first event follows {@code start}. */
    public static ChainWalk after(ChainPosition start) {
        return new ChainWalk(start);
    }

    /**
     * Checks the next event and, when it holds, moves on to it.
     *
     * @return the break this event makes, or empty when it links to the one before
     */
    public Optional<ChainVerification.Broken> next(ChainLink link) {
        return next(link, sound -> Optional.empty());
    }

    /**
     * Checks the next event as {@link #next(ChainLink)} does, then, once its hash holds, what its body says beside the
     * chain rule (e.g. that the body names the same sequence number, or agrees with the database's columns).
     *
     * @param contentProblem what is wrong with a link whose hash holds, or empty when nothing is
     */
    public Optional<ChainVerification.Broken> next(
            ChainLink link, Function<ChainLink, Optional<String>> contentProblem) {
        long expected = position.sequence() + 1;
        if (link.sequence() != expected) {
            String previous = checked == 0 ? "the start" : "event " + position.sequence();
            return Optional.of(broken(
                    expected,
                    link.sequence() > expected
                            ? "event " + expected + " is missing: event " + link.sequence() + " follows " + previous
                            : "event " + link.sequence() + " is out of place: it follows " + previous));
        }
        if (!position.hash().equals(link.previousHash())) {
            return Optional.of(broken(expected, "prev_hash is not the previous event's hash"));
        }
        String hash = ChainHash.of(link.previousHash(), link.body());
        if (!hash.equals(link.hash())) {
            return Optional.of(broken(expected, "the body does not hash to the stored hash"));
        }
        Optional<String> problem = contentProblem.apply(link);
        if (problem.isPresent()) {
            return Optional.of(broken(expected, problem.get()));
        }
        position = new ChainPosition(expected, hash);
        checked++;
        return Optional.empty();
    }

    /** A break found outside the chain rule (e.g. a line that cannot be read), after the events checked so far. */
    public ChainVerification.Broken broken(long atSequence, String problem) {
        return new ChainVerification.Broken(atSequence, problem, checked, Optional.empty());
    }

    /** The walk's end compared with the head the log claims: the head must be the last event checked. */
    public ChainVerification endAt(ChainPosition head) {
        Objects.requireNonNull(head, "head");
        if (head.sequence() != position.sequence()) {
            return broken(
                            Math.min(position.sequence() + 1, head.sequence()),
                            "the chain head names event " + head.sequence() + " but the log ends at event "
                                    + position.sequence())
                    .claimingHead(head);
        }
        if (!head.hash().equals(position.hash())) {
            return broken(head.sequence(), "the chain head's hash is not the last event's hash")
                    .claimingHead(head);
        }
        return intact();
    }

    /** Every event so far held; the last one is the head. */
    public ChainVerification.Intact intact() {
        return new ChainVerification.Intact(checked, position);
    }

    /** Where the walk started: the event before the first one checked, as given. */
    public ChainPosition start() {
        return start;
    }

    /** The last event checked, or the start when none was. */
    public ChainPosition position() {
        return position;
    }

    public long eventsChecked() {
        return checked;
    }
}
