package dev.masker.domain.audit;

import java.util.Objects;
import java.util.Optional;

/** What a check of the audit log's hash chain found. */
public sealed interface ChainVerification {
    /** How many events were found sound: all of them when intact, those before the break otherwise. */
    long eventsChecked();

    /** Every event links to the one before it and hashes to its stored hash; the head matches the last event. */
    record Intact(long events, ChainPosition head) implements ChainVerification {
        public Intact {
            Objects.requireNonNull(head, "head");
        }

        /** A chain checked from its first event, so that its head's sequence number is its number of events. */
        public Intact(long events, String headHash) {
            this(events, new ChainPosition(events, headHash));
        }

        public String headHash() {
            return head.hash();
        }

        @Override
        public long eventsChecked() {
            return events;
        }
    }

    /**
     * The first place where the chain does not hold: an edited, removed, inserted or moved event, or a moved head.
     *
     * @param head the head the log claims (the database's head row), when there is one to tell
     */
    record Broken(long atSequence, String problem, long eventsChecked, Optional<ChainPosition> head)
            implements ChainVerification {
        public Broken {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(head, "head");
        }

        /** The same break, told with the head the log claims. */
        public Broken claimingHead(ChainPosition claimed) {
            return new Broken(atSequence, problem, eventsChecked, Optional.of(claimed));
        }
    }
}
