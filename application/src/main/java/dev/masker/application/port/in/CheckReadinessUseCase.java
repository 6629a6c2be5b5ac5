package dev.masker.application.port.in;

/** Tells whether this instance can serve traffic: its stores answer. */
public interface CheckReadinessUseCase {
    /** The readiness of each store this instance depends on. */
    Readiness check();
}
