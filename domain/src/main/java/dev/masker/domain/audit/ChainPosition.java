package dev.masker.domain.audit;

import java.util.Objects;

/**
 * A point in the audit chain: the sequence number and hash of one event, or {@link #GENESIS} before the first. The
 * chain head is a position, and so is the event an export of a period starts after.
 */
public record ChainPosition(long sequence, String hash) {
    /** Before the first event: sequence 0 and 64 zeros. */
    public static final ChainPosition GENESIS = new ChainPosition(0, ChainHash.GENESIS);

    public ChainPosition {
        if (sequence < 0) {
            throw new IllegalArgumentException("a chain position's sequence is never negative");
        }
        Objects.requireNonNull(hash, "hash");
    }
}
