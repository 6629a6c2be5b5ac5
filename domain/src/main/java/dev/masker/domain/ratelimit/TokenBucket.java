package dev.masker.domain.ratelimit;

import java.time.Duration;

/**
 * A token bucket: it holds at most {@code burst} tokens, refills at {@code perSecond} tokens a second, and each
 * request takes one. Time comes in as a monotonic nanosecond reading, so the bucket is deterministic under test.
 * Thread-safe.
 */
public final class TokenBucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double perSecond, int burst, long nowNanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perNano = perSecond / 1_000_000_000d;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes a token if one is there. */
    public synchronized RateDecision tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return RateDecision.ALLOWED;
        }
        long waitNanos = (long) Math.ceil((1 - tokens) / perNano);
        return new RateDecision.Limited(Duration.ofNanos(waitNanos));
    }

    /** Whether the bucket has refilled completely, so that forgetting it changes nothing. */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perNano);
            lastNanos = nowNanos;
        }
    }
}
