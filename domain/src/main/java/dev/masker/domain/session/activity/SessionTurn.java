package dev.masker.domain.session.activity;

import dev.masker.domain.phi.PhiKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One proxied turn of a session as its {@code turn_proxied} audit event records it: counts, kinds, outcome, policy and
 * stage timings — never a value or a token. Fields an older event lacks (the policy, some timings) are empty.
 */
public record SessionTurn(
        long seq,
        Instant at,
        String requestId,
        String outcome,
        boolean stream,
        String model,
        Optional<String> policyName,
        Optional<Integer> policyVersion,
        Map<PhiKind, Long> masked,
        long restored,
        long leakFindings,
        Map<Stage, Duration> stages,
        List<Value> values,
        long valuesOmitted) {
    /**
     * A value the turn masked in a text read for the first time, as its event lists it: which maskable text of the
     * request, where in it, its kind, what was done ({@code tokenize}, {@code redact}, {@code pass}), the token scheme and
     * kid when tokenized, and the recognizer. Never the value.
     */
    public record Value(
            int text,
            int start,
            int end,
            PhiKind kind,
            String action,
            Optional<String> scheme,
            Optional<String> kid,
            String recognizer) {
        private static final Pattern ENCODED = Pattern.compile(
                "t(\\d{1,6}):(\\d{1,9})-(\\d{1,9}):([A-Z_]{1,20}):(tokenize|redact|pass):([A-Z0-9]{1,10}|-):(K_[A-Z0-9]{1,30}|-):"
                        + "([a-z0-9_]{1,40}|-)");

        /** The value an event's {@code values} entry describes; empty for an entry this version cannot read. */
        static Optional<Value> parse(String entry) {
            Matcher match = ENCODED.matcher(entry);
            if (!match.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Value(
                        Integer.parseInt(match.group(1)),
                        Integer.parseInt(match.group(2)),
                        Integer.parseInt(match.group(3)),
                        PhiKind.valueOf(match.group(4)),
                        match.group(5),
                        dash(match.group(6)),
                        dash(match.group(7)),
                        match.group(8)));
            } catch (IllegalArgumentException unknownKind) {
                return Optional.empty();
            }
        }

        private static Optional<String> dash(String text) {
            return "-".equals(text) ? Optional.empty() : Optional.of(text);
        }
    }

    /** The stages a turn's record times. */
    public enum Stage {
        DETECTION("detect_us"),
        MASKING("mask_us"),
        UPSTREAM_FIRST_BYTE("upstream_first_byte_us"),
        UPSTREAM("upstream_us"),
        REHYDRATION("rehydrate_us"),
        VAULT_WRITE("vault_us"),
        TOTAL("total_us");

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
        values = List.copyOf(values);
    }

    /** The turn that a {@code turn_proxied} event's data describes. */
    public static SessionTurn of(long seq, Instant at, Map<String, String> data) {
        Map<Stage, Duration> stages = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            number(data.get(stage.dataKey)).ifPresent(micros -> stages.put(stage, Duration.ofNanos(micros * 1_000)));
        }
        return new SessionTurn(
                seq,
                at,
                data.getOrDefault("request_id", ""),
                data.getOrDefault("outcome", "failed"),
                "true".equals(data.get("stream")),
                data.getOrDefault("model", ""),
                Optional.ofNullable(data.get("policy")),
                number(data.get("policy_version")).map(Math::toIntExact),
                SessionSummary.countsOf(data.get("masked")),
                number(data.get("restored")).orElse(0L),
                number(data.get("leak_findings")).orElse(0L),
                stages,
                values(data.get("values")),
                number(data.get("values_omitted")).orElse(0L));
    }

    private static List<Value> values(String listed) {
        if (listed == null || listed.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(listed.split(";"))
                .map(Value::parse)
                .flatMap(Optional::stream)
                .toList();
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
