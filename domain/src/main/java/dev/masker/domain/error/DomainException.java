package dev.masker.domain.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rejection with a public {@link ErrorCode} and a message that is safe to show to a caller and to log:
 * it never contains PHI, secrets or request content.
 */
public final class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<FieldProblem> details;
    private final transient Duration retryAfter;

    private DomainException(ErrorCode code, String safeMessage, List<FieldProblem> details, Duration retryAfter) {
        // No cause and no stack trace: these are expected outcomes, and a cause could carry PHI into a log.
        super(safeMessage, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.details = List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    /** A rejection with a code and a safe message. */
    public static DomainException of(ErrorCode code, String safeMessage) {
        return new DomainException(code, safeMessage, List.of(), null);
    }

    /** A {@code validation_failed} rejection naming each offending field. */
    public static DomainException invalid(List<FieldProblem> problems) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, "The request is not valid.", problems, null);
    }

    /** A {@code validation_failed} rejection of one field. */
    public static DomainException invalid(String field, String problem) {
        return invalid(List.of(new FieldProblem(field, problem)));
    }

    /** A {@code policy_yaml_invalid} rejection: each detail names the key and the line and column at fault. */
    public static DomainException invalidPolicy(List<FieldProblem> problems) {
        return new DomainException(ErrorCode.POLICY_YAML_INVALID, "The policy YAML is not valid.", problems, null);
    }

    /** A {@code rate_limited} rejection telling the caller when to try again. */
    public static DomainException rateLimited(Duration retryAfter) {
        return new DomainException(
                ErrorCode.RATE_LIMITED,
                "Too many requests; retry later.",
                List.of(),
                Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** A rejection that a caller may retry, e.g. when a store is unreachable. */
    public static DomainException retryable(ErrorCode code, String safeMessage, Duration retryAfter) {
        return new DomainException(code, safeMessage, List.of(), Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldProblem> details() {
        return details;
    }

    /** How long the caller should wait before retrying, when retrying helps. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
