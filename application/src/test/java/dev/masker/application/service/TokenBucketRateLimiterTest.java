package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.ratelimit.RateDecision;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {
    private static final long MILLI = 1_000_000L;

    private final AtomicLong nanos = new AtomicLong(42_000_000_000L);

    private TokenBucketRateLimiter limiter(double perSecond, int burst, int maxKeys) {
        return new TokenBucketRateLimiter(perSecond, burst, maxKeys, nanos::get);
    }

    /** How many buckets the adapter holds: the memory the bound is about, and invisible to callers by design. */
    private static int bucketCount(TokenBucketRateLimiter limiter) throws ReflectiveOperationException {
        var field = TokenBucketRateLimiter.class.getDeclaredField("buckets");
        field.setAccessible(true);
        return ((Map<?, ?>) field.get(limiter)).size();
    }

    @Test
    void givenOneKey_tryAcquire_allowsItsBurstThenLimitsItWithAPositiveRetryAfter() {
        TokenBucketRateLimiter limiter = limiter(100, 200, 1000);

        for (int i = 0; i < 200; i++) {
            assertInstanceOf(RateDecision.Allowed.class, limiter.tryAcquire("agt_a"), "request " + i);
        }
        RateDecision.Limited limited = assertInstanceOf(RateDecision.Limited.class, limiter.tryAcquire("agt_a"));

        assertTrue(limited.retryAfter().compareTo(Duration.ZERO) > 0);
        assertTrue(
                limited.retryAfter().compareTo(Duration.ofMillis(10)) <= 0,
                limited.retryAfter().toString());
    }

    @Test
    void givenOneKeyOverItsLimit_tryAcquire_stillAllowsOtherKeys() {
        TokenBucketRateLimiter limiter = limiter(1, 2, 1000);
        limiter.tryAcquire("agt_a");
        limiter.tryAcquire("agt_a");

        assertInstanceOf(RateDecision.Limited.class, limiter.tryAcquire("agt_a"));
        assertInstanceOf(RateDecision.Allowed.class, limiter.tryAcquire("agt_b"));
        assertInstanceOf(RateDecision.Allowed.class, limiter.tryAcquire("agt_b"));
        assertInstanceOf(RateDecision.Limited.class, limiter.tryAcquire("agt_b"));
    }

    @Test
    void givenALimitedKey_tryAcquire_allowsItAgainOnceItsBucketRefills() {
        TokenBucketRateLimiter limiter = limiter(10, 1, 1000);
        limiter.tryAcquire("agt_a");
        RateDecision.Limited limited = assertInstanceOf(RateDecision.Limited.class, limiter.tryAcquire("agt_a"));

        nanos.addAndGet(limited.retryAfter().toNanos());

        assertInstanceOf(RateDecision.Allowed.class, limiter.tryAcquire("agt_a"));
        assertInstanceOf(RateDecision.Limited.class, limiter.tryAcquire("agt_a"));
    }

    @Test
    void givenManyKeysOverTime_tryAcquire_keepsNoMoreThanMaxKeysBuckets() throws ReflectiveOperationException {
        TokenBucketRateLimiter limiter = limiter(100, 5, 10);

        for (int i = 0; i < 1000; i++) {
            assertInstanceOf(RateDecision.Allowed.class, limiter.tryAcquire("agt_made_up_" + i));
            nanos.addAndGet(20 * MILLI); // long enough for every bucket to refill
            assertTrue(bucketCount(limiter) <= 10, "buckets after " + i + ": " + bucketCount(limiter));
        }
    }

    @Test
    void givenAFloodOfNewKeys_tryAcquire_neverForgetsABucketThatIsStillLimiting() {
        TokenBucketRateLimiter limiter = limiter(1, 1, 10);
        limiter.tryAcquire("agt_busy");

        for (int i = 0; i < 100; i++) {
            nanos.addAndGet(MILLI);
            limiter.tryAcquire("agt_flood_" + i);
        }

        assertInstanceOf(RateDecision.Limited.class, limiter.tryAcquire("agt_busy"));
    }

    @Test
    void givenAForgottenFullBucket_tryAcquire_behavesAsIfItHadBeenKept() {
        TokenBucketRateLimiter limiter = limiter(100, 2, 1);
        limiter.tryAcquire("agt_a");
        nanos.addAndGet(1_000 * MILLI);
        limiter.tryAcquire("agt_b"); // agt_a is full again and is forgotten

        assertInstanceOf(RateDecision.Allowed.class, limiter.tryAcquire("agt_a"));
        assertInstanceOf(RateDecision.Allowed.class, limiter.tryAcquire("agt_a"));
        assertInstanceOf(RateDecision.Limited.class, limiter.tryAcquire("agt_a"));
    }

    @Test
    void givenARateOrBurstThatIsNotPositive_constructor_refuses() {
        assertThrows(IllegalArgumentException.class, () -> limiter(0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> limiter(10, 0, 10));
    }

    @Test
    void givenAFloodOfNewKeysAtOneInstant_tryAcquire_keepsNoMoreThanMaxKeysAndSharesAnOverflowBucket()
            throws ReflectiveOperationException {
        TokenBucketRateLimiter limiter = limiter(1, 3, 10);

        int allowed = 0;
        for (int i = 0; i < 10_000; i++) {
            if (limiter.tryAcquire("agt_flood_" + i) instanceof RateDecision.Allowed) {
                allowed++;
            }
        }

        assertTrue(bucketCount(limiter) <= 10, "buckets: " + bucketCount(limiter));
        // Ten keys got their own burst of 3 (one token each used); the rest shared one overflow burst of 3.
        assertEquals(10 + 3, allowed);
    }
}
