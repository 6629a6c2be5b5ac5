package dev.masker.adapters.http.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class FailureCauseTest {
    /** A fake patient's details, as an upstream's answer might quote them. */
    private static final String FAKE_PHI = "Jane Q. Doe, DOB 03/05/1961";

    private static IOException refusedConnection() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("nothing listens on " + socket.getPort());
        } catch (ConnectException refused) {
            return refused;
        }
    }

    @Test
    void givenAWrappedRefusedConnection_describe_namesEveryClassAndTheJdksMessage() throws IOException {
        String described = FailureCause.describe(new UncheckedIOException("wrapped", refusedConnection()));

        assertTrue(described.startsWith("UncheckedIOException > ConnectException: Connection refused"), described);
    }

    @Test
    void givenAJsonParseErrorQuotingTheAnswer_describe_namesItsClassOnly() {
        JsonProcessingException parse = assertThrows(
                JsonProcessingException.class, () -> new ObjectMapper().readTree("{\"name\": JaneDoe_1961}"));
        assertTrue(parse.getMessage().contains("Jane"), "the parser quotes its input: " + parse.getMessage());

        String described = FailureCause.describe(new IllegalStateException("reading " + FAKE_PHI, parse));

        assertFalse(described.contains("Jane") || described.contains("1961"), described);
        assertTrue(described.startsWith("IllegalStateException > JsonParseException"), described);
    }

    @Test
    void givenAJdkExceptionThrownByALibraryWithItsOwnMessage_describe_leavesTheMessageOut() {
        String described = FailureCause.describe(new IOException("Invalid chunk: " + FAKE_PHI));

        assertEquals("IOException", described);
    }

    @Test
    void givenAJdkMessageWithLineBreaksOrOverlong_describe_keepsOneShortLine() throws IOException {
        IOException jdk = jdkException("reset\nby peer\r" + "x".repeat(500));

        String described = FailureCause.describe(jdk);

        assertFalse(described.contains("\n") || described.contains("\r"), described);
        assertTrue(described.startsWith("SocketException: reset by peer"), described);
        assertTrue(described.length() <= "SocketException: ".length() + FailureCause.MAX_MESSAGE_CHARS + 1, described);
    }

    /** A SocketException whose top frame is the JDK's, as the socket layer throws it. */
    private static IOException jdkException(String message) {
        SocketException e = new SocketException(message);
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("sun.nio.ch.NioSocketImpl", "read", null, 1)});
        return e;
    }
}
