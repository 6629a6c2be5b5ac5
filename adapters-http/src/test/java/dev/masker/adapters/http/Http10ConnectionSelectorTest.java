package dev.masker.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Http10ConnectionSelectorTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String rewritten(String request) {
        return new String(
                Http10ConnectionSelector.asHttp11(bytes(request), "127.0.0.1:8080"), StandardCharsets.ISO_8859_1);
    }

    @Test
    void givenAnHttp10RequestWithHost_asHttp11_becomesHttp11ThatCloses() {
        assertEquals(
                "GET /health HTTP/1.1\r\nConnection: close\r\nHost: masker\r\n\r\n",
                rewritten("GET /health HTTP/1.0\r\nHost: masker\r\n\r\n"));
    }

    @Test
    void givenAnHttp10RequestWithoutHost_asHttp11_isGivenTheListenersAddress() {
        assertEquals(
                "POST /x HTTP/1.1\r\nConnection: close\r\nHost: 127.0.0.1:8080\r\nContent-Length: 2\r\n\r\n{}",
                rewritten("POST /x HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}"));
    }

    @Test
    void givenRequestLines_isHttp10_tellsHttp10FromTheRest() {
        assertTrue(Http10ConnectionSelector.isHttp10(bytes("GET / HTTP/1.0\r\n")));
        assertFalse(Http10ConnectionSelector.isHttp10(bytes("GET / HTTP/1.1\r\n")));
        assertFalse(Http10ConnectionSelector.isHttp10(bytes("GET /HTTP/1.0 HTTP/1.1\r\n")));
        assertFalse(Http10ConnectionSelector.isHttp10(bytes("GET / HTTP/1.0")));
    }
}
