package dev.masker.application.service;

import dev.masker.application.port.out.LimitRequestRatePort;
import dev.masker.domain.ratelimit.RateDecision;
import dev.masker.domain.ratelimit.TokenBucket;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The rate limit port kept in this process: pure logic, no I/O, so it needs no adapter module (see DECISIONS); the
 * webhook, proxy and admin API services each get one from bootstrap.
 *
 * <p>One token bucket per key, for at most {@code maxKeys} keys. The limit is checked before anything else (even before
 * a signature), so keys can be made up: when the table is full, buckets that have refilled are forgotten (a forgotten
 * full bucket and a new one behave the same), at most once a second; if it is still full, new keys share one overflow
 * bucket until room is made. A bucket that is still limiting is never forgotten.
 */
public final class TokenBucketRateLimiter implements LimitRequestRatePort {
    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final double perSecond;
    private final int burst;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final TokenBucket overflow;
    private final AtomicLong lastSweep;

    public TokenBucketRateLimiter(double perSecond, int burst, int maxKeys, LongSupplier nanoTime) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("at least one key must fit");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.overflow = new TokenBucket(perSecond, burst, now);
        this.lastSweep = new AtomicLong(now - SWEEP_INTERVAL_NANOS);
    }

    @Override
    public RateDecision tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                sweep(now);
                if (buckets.size() >= maxKeys) {
                    return overflow.tryTake(now);
                }
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(perSecond, burst, now));
        }
        return bucket.tryTake(now);
    }

    private void sweep(long now) {
        long last = lastSweep.get();
        if (now - last >= SWEEP_INTERVAL_NANOS && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(existing -> existing.isFull(now));
        }
    }
}
