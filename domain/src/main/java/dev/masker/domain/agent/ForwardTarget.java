package dev.masker.domain.agent;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The clinic's own backend that Masker relays an agent's Vapi messages to (SPEC §4, step 5): the messages whose answer
 * Vapi reads ({@code tool-calls}, {@code transfer-destination-request} ...) always, and the informational types listed in
 * {@code messages} as well. Each relay is a POST of the message exactly as Vapi sent it, signed with the secret like the
 * configuration callback, and waited for at most {@code timeout} (Vapi waits 20 s for a tool call by default).
 */
public record ForwardTarget(URI url, String secret, Duration timeout, Set<String> messages) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(5000);
    public static final Duration MAX_TIMEOUT = Duration.ofMillis(20_000);
    public static final int MAX_MESSAGES = 40;
    /** A Vapi message type: lower-case letters, digits, dots and hyphens ("status-update", "chat.created"). */
    private static final Pattern MESSAGE_TYPE = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    public ForwardTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timeout, "timeout");
        messages = Set.copyOf(messages);
        // The fields come from a request body: each problem is named as the API names it (422 validation_failed).
        List<FieldProblem> problems = ConfigCallback.endpointProblems("forward", url, secret);
        String timeoutProblem = timeoutProblem(timeout.toMillis());
        if (timeoutProblem != null) {
            problems.add(new FieldProblem("forward.timeout_ms", timeoutProblem));
        }
        if (messages.size() > MAX_MESSAGES) {
            problems.add(new FieldProblem("forward.messages", "must list at most " + MAX_MESSAGES + " message types"));
        }
        messages.stream()
                .map(ForwardTarget::messageProblem)
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(problem -> problems.add(new FieldProblem("forward.messages", problem)));
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    /** Why the timeout cannot be used, or {@code null} when it can. */
    public static String timeoutProblem(long millis) {
        return millis < 1 || millis > MAX_TIMEOUT.toMillis() ? "must be between 1 and " + MAX_TIMEOUT.toMillis() : null;
    }

    /** Why the text cannot name a message type to relay, or {@code null} when it can. */
    public static String messageProblem(String type) {
        return MESSAGE_TYPE.matcher(type).matches()
                ? null
                : "must be a Vapi message type: lower-case letters, digits, dots and hyphens, at most 64";
    }

    /** Whether an informational message of this type is relayed as well. */
    public boolean relays(String type) {
        return messages.contains(type);
    }

    @Override
    public String toString() {
        // The secret never appears in a log line.
        return "ForwardTarget[url=" + url + ", timeout=" + timeout + ", messages=" + messages + "]";
    }
}
