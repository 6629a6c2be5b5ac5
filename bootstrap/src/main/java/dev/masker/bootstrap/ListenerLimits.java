package dev.masker.bootstrap;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.Objects;

/**
 * How many client connections the HTTP listener holds at once and how long it keeps one that is idle.
 *
 * <p>Helidon 4.5's listener stops for good when {@code accept} fails, and it fails with "Too many open files" once the
 * process has used up its file descriptors. A listener that never holds more connections than the descriptors left
 * free allow never calls {@code accept} into that failure: past the limit, new connections wait in the kernel's
 * backlog until a held one closes (idle ones close after the idle timeout).
 *
 * @param maxConnections the most connections held at once; {@code 0} sizes it from the descriptor limit
 * @param idleTimeout how long a connection may wait for its next request before it is closed
 */
public record ListenerLimits(int maxConnections, Duration idleTimeout) {
    /** The most connections held when nothing smaller is configured or forced by the descriptor limit. */
    static final int CEILING = 10_000;
    /** Fewer connections than this are never allowed, whatever the descriptor arithmetic says. */
    static final int FLOOR = 16;

    public ListenerLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnections < 0 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
    }

    /**
     * The connections the listener may hold: the configured number (or {@link #CEILING}), but at most half of the
     * descriptors still free. The other half is left for what each request may open besides its own connection (an
     * upstream or callback connection) and for the pools, so running out of descriptors cannot reach the listener.
     *
     * @param descriptorLimit the process's descriptor limit, or a negative number when it is not known
     * @param descriptorsOpen the descriptors open now
     */
    int connectionsFor(long descriptorLimit, long descriptorsOpen) {
        int wanted = maxConnections == 0 ? CEILING : maxConnections;
        if (descriptorLimit < 0) {
            return wanted;
        }
        long room = Math.max(FLOOR, (descriptorLimit - descriptorsOpen) / 2);
        return (int) Math.min(wanted, room);
    }

    /** How often idle connections are looked for: a fifth of the timeout, between 1 and 15 seconds. */
    Duration idleCheckPeriod() {
        long millis = Math.clamp(idleTimeout.toMillis() / 5, 1_000L, 15_000L);
        return Duration.ofMillis(millis);
    }

    /** The connections this process may hold now, from its descriptor limit and the descriptors it has open. */
    int connectionsForThisProcess() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            return connectionsFor(unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
        }
        return connectionsFor(-1, 0);
    }
}
