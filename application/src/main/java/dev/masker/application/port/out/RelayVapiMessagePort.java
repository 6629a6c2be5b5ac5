package dev.masker.application.port.out;

import dev.masker.domain.agent.ForwardTarget;

/**
 * Driven port: relays a Vapi message, exactly as Vapi sent it, to the clinic's backend an agent names (its
 * {@code forward}), signed like the configuration callback. The clinic owns its patients' data, so the message is not
 * masked on this way.
 */
public interface RelayVapiMessagePort {
    /**
     * Relays the message and waits for the backend's answer, at most the target's timeout. Any failure is an outcome,
     * never an exception, so the use case can answer Vapi in the shape it reads as a failure.
     */
    RelayOutcome relay(ForwardTarget target, byte[] message);

    /** Relays the message without waiting for it: a failure is logged and changes nothing for the caller. */
    void relayInBackground(ForwardTarget target, byte[] message);

    /** The backend's answer: a JSON object to pass back to Vapi unchanged, or why there is none. */
    sealed interface RelayOutcome {
        /** The backend answered 2xx with a JSON object (its bytes, as sent). */
        record Answered(byte[] json) implements RelayOutcome {}

        /** No usable answer: {@code timeout}, {@code error_status}, {@code invalid_body} or {@code unreachable}. */
        record Failed(String reason) implements RelayOutcome {}
    }
}
