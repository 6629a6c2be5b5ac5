package dev.masker.domain.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What proves which events a report covers: how many, the first and the last by sequence number with their hashes, and
 * the {@link MerkleRoot} over all their hashes in sequence order. Empty ends and root when the scope has no events.
 */
public record ChainProof(long events, Optional<End> first, Optional<End> last, Optional<String> merkleRoot) {
    /** No events, nothing to prove. */
    public static final ChainProof EMPTY = new ChainProof(0, Optional.empty(), Optional.empty(), Optional.empty());

    public ChainProof {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        if (events < 0
                || (events == 0) != merkleRoot.isEmpty()
                || first.isEmpty() != merkleRoot.isEmpty()
                || last.isEmpty() != merkleRoot.isEmpty()) {
            throw new IllegalArgumentException("a proof has ends and a root exactly when it has events");
        }
    }

    /** One event at an end of the scope: its sequence number and hash. */
    public record End(long sequence, String hash) {
        public End {
            Objects.requireNonNull(hash, "hash");
        }
    }
}
