package dev.masker.domain.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long START = 5_000_000_000L;
    private static final long MILLI = 1_000_000L;

    @Test
    void givenAFullBucket_tryTake_allowsTheBurstThenLimits() {
        TokenBucket bucket = new TokenBucket(100, 200, START);

        for (int i = 0; i < 200; i++) {
            assertInstanceOf(RateDecision.Allowed.class, bucket.tryTake(START), "request " + i);
        }
        assertInstanceOf(RateDecision.Limited.class, bucket.tryTake(START));
    }

    @Test
    void givenAnEmptyBucket_tryTake_saysHowLongUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(100, 1, START);
        bucket.tryTake(START);

        RateDecision.Limited limited = assertInstanceOf(RateDecision.Limited.class, bucket.tryTake(START));

        assertTrue(limited.retryAfter().compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ofMillis(10), limited.retryAfter(), "100 per second: one token every 10 ms");
    }

    @Test
    void givenAPartlyRefilledBucket_tryTake_asksOnlyForTheRemainingWait() {
        TokenBucket bucket = new TokenBucket(1, 1, START);
        bucket.tryTake(START);

        RateDecision.Limited limited =
                assertInstanceOf(RateDecision.Limited.class, bucket.tryTake(START + 400 * MILLI));

        assertEquals(Duration.ofMillis(600), limited.retryAfter());
    }

    @Test
    void givenAnEmptyBucket_tryTake_allowsAgainOnceATokenHasRefilled() {
        TokenBucket bucket = new TokenBucket(100, 2, START);
        bucket.tryTake(START);
        bucket.tryTake(START);

        assertInstanceOf(RateDecision.Limited.class, bucket.tryTake(START + 9 * MILLI));
        assertInstanceOf(RateDecision.Allowed.class, bucket.tryTake(START + 11 * MILLI));
        assertInstanceOf(RateDecision.Limited.class, bucket.tryTake(START + 11 * MILLI));
    }

    @Test
    void givenALimitedCaller_tryTake_allowsItWhenItWaitsTheRetryAfterItWasGiven() {
        TokenBucket bucket = new TokenBucket(100, 1, START);
        bucket.tryTake(START);
        long now = START + 3 * MILLI;

        RateDecision.Limited limited = assertInstanceOf(RateDecision.Limited.class, bucket.tryTake(now));

        assertInstanceOf(
                RateDecision.Allowed.class,
                bucket.tryTake(now + limited.retryAfter().toNanos()));
    }

    @Test
    void givenALongIdlePeriod_tryTake_refillsNoMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 3, START);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(START);
        }
        long muchLater = START + 3_600_000 * MILLI;

        for (int i = 0; i < 3; i++) {
            assertInstanceOf(RateDecision.Allowed.class, bucket.tryTake(muchLater));
        }
        assertInstanceOf(RateDecision.Limited.class, bucket.tryTake(muchLater));
    }

    @Test
    void givenASustainedRate_tryTake_allowsThatRateAfterTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 200, START);
        int allowed = 0;
        // 1000 requests a second for two seconds: the burst of 200 plus 100 a second.
        for (int i = 0; i < 2000; i++) {
            if (bucket.tryTake(START + i * MILLI) instanceof RateDecision.Allowed) {
                allowed++;
            }
        }
        assertTrue(allowed >= 398 && allowed <= 401, "allowed " + allowed);
    }

    @Test
    void givenAClockThatGoesBackwards_tryTake_addsNoTokens() {
        TokenBucket bucket = new TokenBucket(100, 1, START);
        bucket.tryTake(START);

        assertInstanceOf(RateDecision.Limited.class, bucket.tryTake(START - 1_000 * MILLI));
        assertInstanceOf(RateDecision.Limited.class, bucket.tryTake(START + 9 * MILLI));
    }

    @Test
    void givenABucketThatGaveTokens_isFull_becomesTrueOnlyAfterRefilling() {
        TokenBucket bucket = new TokenBucket(100, 2, START);
        assertTrue(bucket.isFull(START));

        bucket.tryTake(START);

        assertFalse(bucket.isFull(START + 9 * MILLI));
        assertTrue(bucket.isFull(START + 11 * MILLI));
    }

    @Test
    void givenARateOrBurstThatIsNotPositive_constructor_throws() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, START));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(-1, 1, START));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, START));
    }
}
