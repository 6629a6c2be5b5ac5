package dev.masker.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * The session list's parameters as the caller wrote them: {@code limit} (1–100, default 25), {@code cursor}, {@code since}
 * ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d} or an ISO-8601 UTC instant; default {@code 24h}), {@code agent_id},
 * {@code status} ({@code ok}, {@code error}, {@code partial}) and {@code min_redactions}.
 */
public record ListSessionsQuery(
        Optional<String> limit,
        Optional<String> cursor,
        Optional<String> since,
        Optional<String> agentId,
        Optional<String> status,
        Optional<String> minRedactions) {
    public ListSessionsQuery {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(minRedactions, "minRedactions");
    }
}
