package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class AccessLogHandlerTest {
    @Test
    void givenRecords_publishThenFlush_writesOneTimestampedLineEach() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        AccessLogHandler handler = new AccessLogHandler(sink);
        LogRecord first = new LogRecord(Level.INFO, "method=GET route=/health status=200");
        first.setInstant(Instant.parse("2026-11-27T09:00:00.123Z"));
        LogRecord second = new LogRecord(Level.INFO, "method=POST route=unmatched status=404");
        second.setInstant(Instant.parse("2026-11-27T09:00:01Z"));

        handler.publish(first);
        handler.publish(second);
        handler.close();

        assertEquals(
                "2026-11-27T09:00:00.123Z method=GET route=/health status=200\n"
                        + "2026-11-27T09:00:01.000Z method=POST route=unmatched status=404\n",
                sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givenARecordBelowTheHandlersLevel_publish_writesNothing() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        AccessLogHandler handler = new AccessLogHandler(sink);
        handler.setLevel(Level.WARNING);

        handler.publish(new LogRecord(Level.INFO, "method=GET route=/health status=200"));
        handler.close();

        assertTrue(sink.toString(StandardCharsets.UTF_8).isEmpty());
    }
}
