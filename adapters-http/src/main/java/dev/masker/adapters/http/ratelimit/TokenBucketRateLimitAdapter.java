package dev.masker.adapters.http.ratelimit;

import dev.masker.application.port.out.RateLimitPort;
import dev.masker.domain.ratelimit.RateDecision;
import dev.masker.domain.ratelimit.TokenBucket;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key, in this process. Full buckets are forgotten once more than {@code maxKeys} exist, so a
 * flood of made-up keys (the limit is checked before anything else) cannot grow memory without bound; a forgotten full
 * bucket and a new one behave the same.
 */
public final class TokenBucketRateLimitAdapter implements RateLimitPort {
    private final double perSecond;
    private final int burst;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public TokenBucketRateLimitAdapter(double perSecond, int burst, int maxKeys, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
        new TokenBucket(perSecond, burst, 0); // fails fast on a rate or burst that is not positive
    }

    @Override
    public RateDecision tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                buckets.values().removeIf(existing -> existing.isFull(now));
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(perSecond, burst, now));
        }
        return bucket.tryTake(now);
    }
}
