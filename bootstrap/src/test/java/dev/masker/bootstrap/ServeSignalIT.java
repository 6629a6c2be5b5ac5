package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code masker serve} stopped the way supervisors stop it (issue 12). */
class ServeSignalIT {
    @Test
    void givenAServingProcess_sigterm_drainsAndExitsZero() throws Exception {
        try (MaskerProcess masker = MaskerProcess.start(0, Map.of())) {
            assertEquals("HTTP/1.1 200 OK", ConnectionFloodIT.statusLine(masker.port()));

            int exit = masker.terminate(Duration.ofSeconds(30));

            assertEquals(0, exit, masker.output());
            assertTrue(masker.output().contains("Masker stopped; the audit log is flushed."), masker.output());
        }
    }
}
