package dev.masker.domain.audit;

import java.util.Objects;

/**
 * One event as the chain stores it and as an export carries it: its sequence number, the hash of the event before it,
 * its own hash and its canonical JSON body, exactly the text that was hashed. Enough for anyone to recompute the chain.
 */
public record ChainLink(long sequence, String previousHash, String hash, String body) {
    public ChainLink {
        if (sequence < 1) {
            throw new IllegalArgumentException("events are numbered from 1");
        }
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(body, "body");
    }
}
