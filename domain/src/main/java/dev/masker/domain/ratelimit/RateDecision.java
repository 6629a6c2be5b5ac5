package dev.masker.domain.ratelimit;

import java.time.Duration;

/** Whether a request may go ahead now, or how long its caller must wait. */
public sealed interface RateDecision {
    /** The request may go ahead. */
    record Allowed() implements RateDecision {}

    /** The caller is over the limit; a token is available again after {@code retryAfter}. */
    record Limited(Duration retryAfter) implements RateDecision {}

    RateDecision ALLOWED = new Allowed();
}
