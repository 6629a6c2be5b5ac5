package dev.masker.testsupport.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock in UTC that a test moves on by hand: either standing still at an instant until it is moved
 * ({@link #fixedAt}), or following the system clock shifted by however far it was moved ({@link #followingSystem}), for
 * a running server whose ids and audit times must keep their order. It only moves forward, and is safe across threads.
 */
public final class SettableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private SettableClock(Clock base) {
        this.base = base;
    }

    /** A clock that stands at {@code now} until a test moves it. */
    public static SettableClock fixedAt(Instant now) {
        return new SettableClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A clock that runs with the system clock, ahead of it by however far a test has moved it. */
    public static SettableClock followingSystem() {
        return new SettableClock(Clock.systemUTC());
    }

    /** Moves the clock on (never back, so ids and audit times keep their order). */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset.accumulateAndGet(duration, Duration::plus);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
