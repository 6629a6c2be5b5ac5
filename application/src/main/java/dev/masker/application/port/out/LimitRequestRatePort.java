package dev.masker.application.port.out;

import dev.masker.domain.ratelimit.RateDecision;

/** Driven port: limits how fast requests for one key (e.g. one agent's webhook) are served. */
public interface LimitRequestRatePort {
    /** Takes one request's worth of the key's allowance, or says how long to wait. */
    RateDecision tryAcquire(String key);
}
