package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ListenerLimitsTest {
    private static final Duration IDLE = Duration.ofSeconds(75);

    @Test
    void givenNoConfiguredLimit_connections_areHalfTheFreeDescriptors() {
        assertEquals(400, new ListenerLimits(0, IDLE).connectionsFor(1024, 224));
    }

    @Test
    void givenManyDescriptors_connections_stopAtTheCeiling() {
        assertEquals(ListenerLimits.CEILING, new ListenerLimits(0, IDLE).connectionsFor(1_048_576, 300));
    }

    @Test
    void givenAConfiguredLimitTheDescriptorsAllow_connections_areThatLimit() {
        assertEquals(100, new ListenerLimits(100, IDLE).connectionsFor(1024, 224));
    }

    @Test
    void givenAConfiguredLimitOverTheDescriptors_connections_areWhatTheDescriptorsAllow() {
        assertEquals(400, new ListenerLimits(5000, IDLE).connectionsFor(1024, 224));
    }

    @Test
    void givenAlmostNoDescriptorsLeft_connections_stayAtTheFloor() {
        assertEquals(ListenerLimits.FLOOR, new ListenerLimits(0, IDLE).connectionsFor(256, 250));
    }

    @Test
    void givenAnUnknownDescriptorLimit_connections_areTheConfiguredOnes() {
        assertEquals(ListenerLimits.CEILING, new ListenerLimits(0, IDLE).connectionsFor(-1, 0));
    }

    @Test
    void givenIdleTimeouts_idleCheckPeriod_isAFifthBetweenOneAndFifteenSeconds() {
        assertEquals(Duration.ofSeconds(15), new ListenerLimits(0, IDLE).idleCheckPeriod());
        assertEquals(Duration.ofSeconds(1), new ListenerLimits(0, Duration.ofSeconds(2)).idleCheckPeriod());
        assertEquals(Duration.ofSeconds(6), new ListenerLimits(0, Duration.ofSeconds(30)).idleCheckPeriod());
    }
}
