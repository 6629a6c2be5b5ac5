package dev.masker.application.port.out;

/** Driven port: asks one store whether it answers now. */
public interface ProbeReadinessPort {
    /** The store's name in the readiness report, e.g. {@code database}. */
    String name();

    /** Whether the store answered a trivial request within a short time. Never throws. */
    boolean isReady();
}
