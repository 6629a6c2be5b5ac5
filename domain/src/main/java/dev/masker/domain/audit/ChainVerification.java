package dev.masker.domain.audit;

/** What a check of the audit log's hash chain found. */
public sealed interface ChainVerification {
    /** Every event links to the one before it and hashes to its stored hash; the head matches the last event. */
    record Intact(long events, String headHash) implements ChainVerification { }

    /** The first place where the chain does not hold: an edited, removed or inserted event, or a moved head. */
    record Broken(long atSequence, String problem) implements ChainVerification { }
}
