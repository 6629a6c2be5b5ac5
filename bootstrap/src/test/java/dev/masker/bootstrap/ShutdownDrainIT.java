package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A shutdown under way answers new requests on open connections with 503 {@code unavailable} and
 * {@code Connection: close} for its notice period, instead of closing them in silence (issue 12).
 */
class ShutdownDrainIT {
    private static final String LIVE = "GET /health HTTP/1.1\r\nHost: masker\r\n\r\n";

    @Test
    void givenAKeptAliveConnection_aRequestDuringTheShutdownNotice_gets503WithConnectionClose() throws Exception {
        RunningMasker masker = RunningMasker.start(Map.of("MASKER_SHUTDOWN_NOTICE_MS", "3000"));
        try (Socket socket = new Socket("127.0.0.1", masker.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(LIVE.getBytes(StandardCharsets.US_ASCII));
            String before = readAnswer(in);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(masker::close);
            Thread.sleep(500);
            out.write(LIVE.getBytes(StandardCharsets.US_ASCII));
            String during = readAnswer(in);
            closing.get();

            assertTrue(before.startsWith("HTTP/1.1 200"), before);
            assertTrue(during.startsWith("HTTP/1.1 503"), during);
            String lower = during.toLowerCase(Locale.ROOT);
            assertTrue(lower.contains("\r\nconnection: close\r\n"), during);
            assertTrue(lower.contains("\r\nretry-after: "), during);
            assertTrue(during.contains("\"code\":\"unavailable\""), during);
            assertEquals(-1, in.read(), "the connection is closed after the answer");
        } finally {
            masker.close();
        }
    }

    /** One answer with a Content-Length body: its head and body as text. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.US_ASCII);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
