package dev.masker.bootstrap;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;

/** Captures every log record written while an action runs, formatted, with the root logger open at every level. */
final class LogCapture {
    /** An address and port as the server's and clients' logs write them: {@code 127.0.0.1:34546}, {@code [::1]:8080}. */
    private static final Pattern SOCKET_PORT = Pattern.compile(
            "(\\d{1,3}(?:\\.\\d{1,3}){3}|localhost|\\[[0-9a-fA-F:.%\\w]*]|port)[: =]+\\d{2,5}\\b",
            Pattern.CASE_INSENSITIVE);

    private LogCapture() {}

    /**
     * The captured lines as one text, as a check for leaked values reads them: the JDK's own dump of its root
     * certificates at FINE is left out (validity dates such as "10/19/..." look like short dates), and every address's
     * port, random and perhaps five digits like a ZIP, is written {@code :port}.
     */
    static String runText(List<String> lines) {
        return SOCKET_PORT
                .matcher(String.join(
                        "\n",
                        lines.stream()
                                .filter(line -> !line.contains("logX509CertificateEvent"))
                                .toList()))
                .replaceAll("$1:port");
    }

    /** The lines logged while the action ran. */
    static List<String> during(Runnable action) {
        List<String> lines = new CopyOnWriteArrayList<>();
        during(lines, () -> {
            action.run();
            return null;
        });
        return lines;
    }

    /** Runs the action, adding every line it logs to {@code lines}, and returns its result. */
    static <T> T during(List<String> lines, Supplier<T> action) {
        try (Open capture = open(lines)) {
            return action.get();
        }
    }

    /** Starts capturing into {@code lines} until the returned capture is closed: for a capture that spans several tests. */
    static Open open(List<String> lines) {
        return new Open(lines);
    }

    /** A capture in progress; closing it detaches it and gives the root logger its level back. */
    static final class Open implements AutoCloseable {
        private final Logger root = Logger.getLogger("");
        private final Level previous = root.getLevel();
        private final Handler capture;

        private Open(List<String> lines) {
            SimpleFormatter formatter = new SimpleFormatter();
            capture = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    lines.add(formatter.format(record));
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            capture.setLevel(Level.ALL);
            root.addHandler(capture);
            root.setLevel(Level.ALL);
        }

        @Override
        public void close() {
            root.removeHandler(capture);
            root.setLevel(previous);
        }
    }
}
