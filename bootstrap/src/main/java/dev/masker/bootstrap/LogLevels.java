package dev.masker.bootstrap;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log levels that keep PHI out of the log even when an operator turns debugging on. Masker's own loggers follow
 * {@code MASKER_LOG_LEVEL}; the libraries' loggers are held at INFO (the embedded database's at WARNING) whatever the
 * root level, because at their debug levels they print SQL parameters and request details — patient data among them.
 */
public final class LogLevels {
    // JUL holds loggers weakly: keep the configured ones alive so their levels stick.
    private static final List<Logger> PINNED = List.of(
            pin("io.helidon", Level.INFO),
            pin("com.zaxxer.hikari", Level.INFO),
            pin("org.flywaydb", Level.INFO),
            pin("org.postgresql", Level.INFO),
            pin("io.zonky", Level.WARNING));
    private static final Logger MASKER = Logger.getLogger("dev.masker");
    private static final Logger ACCESS = Logger.getLogger("dev.masker.access");

    private LogLevels() {}

    /**
     * Applies the levels (the libraries' are pinned as soon as this class loads): {@code maskerLevel} is a JUL level
     * name such as INFO or FINE.
     */
    public static void apply(String maskerLevel) {
        MASKER.setLevel(Level.parse(maskerLevel.toUpperCase(Locale.ROOT)));
    }

    /**
     * Sends the access log to its own buffered handler on standard error instead of through the console handler (see
     * {@link AccessLogHandler}); for the server process, called once before it starts.
     */
    public static void bufferAccessLog() {
        ACCESS.setUseParentHandlers(false);
        ACCESS.addHandler(AccessLogHandler.toStandardError());
    }

    private static Logger pin(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }
}
