package dev.masker.adapters.persistence;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;

/** Translates database failures into domain rejections at the port boundary, so nothing JDBC-typed escapes. */
final class SqlFailures {
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlFailures() {}

    /** The SQL state of the first SQLException in the cause chain. */
    static Optional<String> sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    static boolean isUniqueViolation(Throwable failure) {
        return sqlState(failure).filter(UNIQUE_VIOLATION::equals).isPresent();
    }

    /** Whether the failure means the database could not be reached or gave no connection in time. */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // No SQL state: the pool itself refused (closed, or no connection in time), not the database.
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() == null) {
                return true;
            }
        }
        return sqlState(failure)
                .filter(state -> state.startsWith("08") || state.startsWith("57P"))
                .isPresent();
    }

    /** The rejection for a failure that is not one the caller can act on: the store is unavailable. */
    static DomainException unavailable() {
        return DomainException.retryable(
                ErrorCode.UNAVAILABLE, "The database is unavailable; retry shortly.", Duration.ofSeconds(2));
    }
}
