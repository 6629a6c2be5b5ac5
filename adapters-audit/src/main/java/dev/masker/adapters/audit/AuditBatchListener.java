package dev.masker.adapters.audit;

import java.time.Duration;

/**
 * Told about every audit batch the writer commits, for metrics: how many events it appended and how long its
 * transaction took, from its start to its commit. Called on the writer thread before the batch's callers are released,
 * so it must be quick; if it throws, the failure is logged and the batch stands.
 */
@FunctionalInterface
public interface AuditBatchListener {

    /**
     * One batch is committed.
     *
     * @param events the events it appended (repeats already in the log are not counted)
     * @param took how long the transaction took, from its start (taking a connection) to its commit
     */
    void committed(int events, Duration took);
}
