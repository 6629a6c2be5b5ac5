package dev.masker.adapters.http.upstream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What a failed upstream call's log line says about its cause: the class of every exception in the cause chain and the
 * message of those that cannot quote what the upstream sent, e.g.
 * {@code UncheckedIOException > ConnectException: Connection refused}.
 *
 * <p>A message is kept only for the JDK's own I/O exceptions thrown by the JDK itself (sockets, TLS, streams: a
 * {@code java.*} or {@code javax.*} {@link IOException} whose top stack frame is the JDK's), which describe the
 * connection, never its content. Every other message is left out,
 * since it may quote bytes of the answer, and so PHI: a JSON parser's error quotes its input, an HTTP parser may quote a
 * malformed line, and a wrapper's message repeats its cause's. What is kept is cut to {@value #MAX_MESSAGE_CHARS}
 * characters, control characters replaced, so a line stays one line.
 */
final class FailureCause {
    static final int MAX_MESSAGE_CHARS = 160;
    private static final int MAX_CAUSES = 5;

    private FailureCause() {}

    /** The cause chain, outermost first, as one log-safe line. */
    static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure;
                cause != null && seen.add(cause) && parts.size() < MAX_CAUSES;
                cause = cause.getCause()) {
            String message = safeMessage(cause);
            parts.add(cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
        }
        return String.join(" > ", parts);
    }

    private static String safeMessage(Throwable cause) {
        String message = cause.getMessage();
        if (!(cause instanceof IOException)
                || !fromTheJdk(cause.getClass().getName())
                || !thrownByTheJdk(cause)
                || message == null) {
            return "";
        }
        String line = message.strip().replaceAll("\\p{Cntrl}", " ");
        return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS) + "…";
    }

    /** Whether the JDK wrote the message: a JDK class thrown by library code may carry that library's words. */
    private static boolean thrownByTheJdk(Throwable cause) {
        StackTraceElement[] trace = cause.getStackTrace();
        return trace.length > 0 && fromTheJdk(trace[0].getClassName());
    }

    private static boolean fromTheJdk(String className) {
        return className.startsWith("java.")
                || className.startsWith("javax.")
                || className.startsWith("sun.")
                || className.startsWith("jdk.");
    }
}
