package dev.masker.domain.session.activity;

import dev.masker.domain.phi.PhiKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One proxied turn of a session as its {@code turn_proxied} audit event records it: counts, kinds, outcome, policy and
 * stage timings — never a value or a token. Fields an older event lacks (the policy, some timings) are empty.
 */
public record SessionTurn(long seq, Instant at, String requestId, String outcome, boolean stream, String model,
                          Optional<String> policyName, Optional<Integer> policyVersion, Map<PhiKind, Long> masked,
                          long restored, long leakFindings, Map<Stage, Duration> stages) {
    /** The stages a turn's record times. */
    public enum Stage {
        DETECTION("detect_us"), MASKING("mask_us"), UPSTREAM_FIRST_BYTE("upstream_first_byte_us"), UPSTREAM("upstream_us"),
        REHYDRATION("rehydrate_us"), VAULT_WRITE("vault_us"), TOTAL("total_us");

        private final String dataKey;

        Stage(String dataKey) {
            this.dataKey = dataKey;
        }
    }

    public SessionTurn {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyVersion, "policyVersion");
        masked = Map.copyOf(masked);
        stages = Map.copyOf(stages);
    }

    /** The turn that a {@code turn_proxied} event's data describes. */
    public static SessionTurn of(long seq, Instant at, Map<String, String> data) {
        Map<Stage, Duration> stages = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            number(data.get(stage.dataKey)).ifPresent(micros -> stages.put(stage, Duration.ofNanos(micros * 1_000)));
        }
        return new SessionTurn(seq, at, data.getOrDefault("request_id", ""), data.getOrDefault("outcome", "failed"),
                "true".equals(data.get("stream")), data.getOrDefault("model", ""), Optional.ofNullable(data.get("policy")),
                number(data.get("policy_version")).map(Math::toIntExact), SessionSummary.countsOf(data.get("masked")),
                number(data.get("restored")).orElse(0L), number(data.get("leak_findings")).orElse(0L), stages);
    }

    public boolean failed() {
        return SessionStatus.isFailure(outcome);
    }

    public long maskedTotal() {
        return masked.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Optional<Long> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
