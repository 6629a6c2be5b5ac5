package dev.masker.domain.audit;

import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.assistant.ResolvedAssistant;
import dev.masker.domain.id.EventId;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.MaskAction;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.vapi.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One append-only audit record. Its data holds identifiers, counts and choices — never PHI, prompts or secrets. An
 * event with a dedup key is recorded at most once: a second one with the same key is not appended.
 */
public record AuditEvent(
        EventId id,
        AuditEventType type,
        Instant occurredAt,
        Optional<AgentId> agentId,
        Map<String, String> data,
        Optional<String> dedupKey) {

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(dedupKey, "dedupKey");
        data.forEach((key, value) -> {
            if (!isDataKey(key) || value == null) {
                throw new IllegalArgumentException("audit data keys are snake_case and values are never null");
            }
            // PostgreSQL's jsonb refuses \u0000, and a lone surrogate has no UTF-8 form: either would break the log.
            if (value.indexOf('\0') >= 0 || !CallId.isWellFormed(value)) {
                throw new IllegalArgumentException("audit data values are well-formed text without NUL");
            }
        });
        dedupKey.ifPresent(key -> {
            if (key.indexOf('\0') >= 0 || !CallId.isWellFormed(key)) {
                throw new IllegalArgumentException("audit dedup keys are well-formed text without NUL");
            }
        });
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /**
     * The record of a call starting: which agent and call, the assistant id, the chosen model, where the configuration
     * came from, the request and the customer's fingerprint. The configuration itself is never recorded.
     */
    public static AuditEvent callStarted(
            EventId id,
            Instant at,
            AgentId agentId,
            CallId callId,
            Optional<String> assistantId,
            String model,
            ResolvedAssistant resolved,
            RequestId requestId,
            Optional<PhoneFingerprint> customer) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("call_id", callId.value());
        assistantId.ifPresent(value -> data.put("assistant_id", value));
        data.put("model", model);
        data.put("config_source", resolved.source().wireName());
        resolved.fallbackReason().ifPresent(reason -> data.put("fallback_reason", reason.wireName()));
        data.put("request_id", requestId.value());
        customer.ifPresent(fingerprint -> data.put("customer_fingerprint", fingerprint.value()));
        return new AuditEvent(
                id,
                AuditEventType.CALL_STARTED,
                at,
                Optional.of(agentId),
                data,
                Optional.of(callStartedKey(agentId, callId)));
    }

    /**
     * The record of a call ending, from Vapi's end-of-call report: which agent, call and proxy session, how long the call
     * lasted, Vapi's ended reason (an identifier), and how many turns were proxied and values masked, by kind. Never the
     * transcript, the summary, the recording or any value.
     */
    public static AuditEvent callEnded(
            EventId id, Instant at, AgentId agentId, CallId callId, CallTotals totals, RequestId requestId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("call_id", callId.value());
        totals.session().ifPresent(session -> data.put("session_id", session.value()));
        totals.duration().ifPresent(duration -> data.put("duration_ms", Long.toString(duration.toMillis())));
        data.put("ended_reason", totals.endedReason());
        data.put("turns", Integer.toString(totals.turns()));
        data.put(
                "masked_total",
                Integer.toString(totals.masked().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum()));
        data.put(
                "masked",
                totals.masked().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> entry.getKey().name() + ":" + entry.getValue())
                        .collect(Collectors.joining(",")));
        data.put("request_id", requestId.value());
        return new AuditEvent(
                id,
                AuditEventType.CALL_ENDED,
                at,
                Optional.of(agentId),
                data,
                Optional.of("call_ended:" + agentId.value() + ":" + callId.value()));
    }

    /** What a {@code call_ended} event records of a call: its session, length, ended reason, turns and masked values. */
    public record CallTotals(
            Optional<SessionId> session,
            Optional<Duration> duration,
            String endedReason,
            int turns,
            Map<PhiKind, Integer> masked) {
        public CallTotals {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(endedReason, "endedReason");
            masked = Map.copyOf(masked);
        }
    }

    /** The record of an agent being created, and by whom; the agent's configuration is not recorded. */
    public static AuditEvent agentCreated(
            EventId id,
            Instant at,
            AgentId agentId,
            String principal,
            Optional<ConfigCallback> callback,
            RequestId requestId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("principal", principal);
        data.put("has_config_callback", Boolean.toString(callback.isPresent()));
        data.put("request_id", requestId.value());
        return new AuditEvent(id, AuditEventType.AGENT_CREATED, at, Optional.of(agentId), data, Optional.empty());
    }

    /** The record of an agent's settings changing: who, and which fields — never their values. */
    public static AuditEvent agentUpdated(
            EventId id, Instant at, AgentId agentId, String principal, List<String> fields, RequestId requestId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("principal", principal);
        data.put("fields", String.join(",", fields));
        data.put("request_id", requestId.value());
        return new AuditEvent(id, AuditEventType.AGENT_UPDATED, at, Optional.of(agentId), data, Optional.empty());
    }

    /** The record of an agent being deleted, and by whom. */
    public static AuditEvent agentDeleted(
            EventId id, Instant at, AgentId agentId, String principal, RequestId requestId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("principal", principal);
        data.put("request_id", requestId.value());
        return new AuditEvent(id, AuditEventType.AGENT_DELETED, at, Optional.of(agentId), data, Optional.empty());
    }

    /**
     * The record of a retention purge (issue 13): how many token-vault entries and kept turn payloads it removed, and
     * the cutoff — those of sessions whose last activity was before it. Never a session id or a token: only counts.
     */
    public static AuditEvent vaultPurged(
            EventId id, Instant at, Instant cutoff, int retentionDays, long removed, long payloadsRemoved) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("removed", Long.toString(removed));
        data.put("payloads_removed", Long.toString(payloadsRemoved));
        data.put("cutoff", cutoff.toString());
        data.put("retention_days", Integer.toString(retentionDays));
        return new AuditEvent(id, AuditEventType.VAULT_PURGED, at, Optional.empty(), data, Optional.empty());
    }

    /** The record of an admin signing in to the API from a browser, and as whom; never the token or the cookie. */
    public static AuditEvent adminSignedIn(EventId id, Instant at, AdminPrincipal principal, RequestId requestId) {
        return adminEvent(AuditEventType.ADMIN_SIGNED_IN, id, at, principal, requestId);
    }

    /** The record of an admin signing a browser session out; never the cookie. */
    public static AuditEvent adminSignedOut(EventId id, Instant at, AdminPrincipal principal, RequestId requestId) {
        return adminEvent(AuditEventType.ADMIN_SIGNED_OUT, id, at, principal, requestId);
    }

    private static AuditEvent adminEvent(
            AuditEventType type, EventId id, Instant at, AdminPrincipal principal, RequestId requestId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("principal", principal.value());
        data.put("request_id", requestId.value());
        return new AuditEvent(id, type, at, Optional.empty(), data, Optional.empty());
    }

    /**
     * The record of one conversation turn through the proxy (SPEC §7): its session, how many values of each kind were
     * masked, how many tokens were put back and left alone, the upstream model, the outcome and the stage timings —
     * never a value, a token or a prompt.
     */
    public static AuditEvent turnProxied(
            EventId id, Instant at, AgentId agentId, TurnRecord turn, RequestId requestId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("session_id", turn.session().value());
        data.put("request_id", requestId.value());
        data.put("upstream", turn.upstream());
        data.put("model", turn.model());
        data.put("stream", Boolean.toString(turn.stream()));
        data.put("outcome", turn.outcome());
        data.put("policy", turn.policyName());
        data.put("policy_version", Integer.toString(turn.policyVersion()));
        data.put(
                "masked_total",
                Integer.toString(turn.masked().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum()));
        data.put(
                "masked",
                turn.masked().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> entry.getKey().name() + ":" + entry.getValue())
                        .collect(Collectors.joining(",")));
        data.put("restored", Integer.toString(turn.restored()));
        data.put("leak_findings", Integer.toString(turn.leakFindings()));
        StageTimes times = turn.times();
        data.put("detect_us", micros(times.detect()));
        data.put("mask_us", micros(times.mask()));
        data.put("upstream_first_byte_us", micros(times.upstreamFirstByte()));
        data.put("upstream_us", micros(times.upstream()));
        data.put("rehydrate_us", micros(times.rehydrate()));
        data.put("vault_us", micros(times.vault()));
        data.put("vault_wait_us", micros(times.vaultWait()));
        data.put("total_us", micros(times.total()));
        if (!turn.values().isEmpty()) {
            data.put(
                    "values",
                    turn.values().stream()
                            .limit(MAX_VALUES_LISTED)
                            .map(MaskedValue::encode)
                            .collect(Collectors.joining(";")));
            if (turn.values().size() > MAX_VALUES_LISTED) {
                data.put("values_omitted", Integer.toString(turn.values().size() - MAX_VALUES_LISTED));
            }
        }
        return new AuditEvent(id, AuditEventType.TURN_PROXIED, at, Optional.of(agentId), data, Optional.empty());
    }

    private static String micros(Duration duration) {
        return Long.toString(duration.toNanos() / 1_000);
    }

    /**
     * What a {@code turn_proxied} event records of one turn; the policy is the one its values were masked under.
     * {@code values} lists the values masked in the texts read for the first time (a platform re-sends the whole
     * conversation, so each turn lists its new messages' values), where they are and how each was treated — never the
     * value or its token.
     */
    public record TurnRecord(
            SessionId session,
            String upstream,
            String model,
            boolean stream,
            String outcome,
            String policyName,
            int policyVersion,
            Map<PhiKind, Integer> masked,
            int restored,
            int leakFindings,
            StageTimes times,
            List<MaskedValue> values) {
        public TurnRecord {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(upstream, "upstream");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(policyName, "policyName");
            masked = Map.copyOf(masked);
            Objects.requireNonNull(times, "times");
            values = List.copyOf(values);
        }

        /** A turn whose values are not listed. */
        public TurnRecord(
                SessionId session,
                String upstream,
                String model,
                boolean stream,
                String outcome,
                String policyName,
                int policyVersion,
                Map<PhiKind, Integer> masked,
                int restored,
                int leakFindings,
                StageTimes times) {
            this(
                    session,
                    upstream,
                    model,
                    stream,
                    outcome,
                    policyName,
                    policyVersion,
                    masked,
                    restored,
                    leakFindings,
                    times,
                    List.of());
        }
    }

    /**
     * One masked value of a turn, without the value: which of the request's maskable texts held it (message contents,
     * names and tool-call arguments, in the request's order) and where in it, its kind, what the policy did with it, the
     * token scheme and kid when it was tokenized, and the recognizer that found it.
     */
    public record MaskedValue(
            int text,
            int start,
            int end,
            PhiKind kind,
            MaskAction action,
            Optional<TokenScheme> scheme,
            Optional<Kid> kid,
            String recognizer) {
        public MaskedValue {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(recognizer, "recognizer");
            if (text < 0 || start < 0 || end < start) {
                throw new IllegalArgumentException("a masked value's place is a text index and a span");
            }
        }

        /**
         * {@code t<text>:<start>-<end>:<KIND>:<action>:<scheme or ->:<kid or ->:<recognizer>}; the recognizer's name is
         * Masker's own vocabulary, written in lower case with underscores.
         */
        String encode() {
            String name = TRIMMED_UNDERSCORES
                    .matcher(NOT_NAME.matcher(recognizer.toLowerCase(Locale.ROOT))
                            .replaceAll("_"))
                    .replaceAll("");
            return "t" + text + ":" + start + "-" + end + ":" + kind.name() + ":"
                    + action.name().toLowerCase(Locale.ROOT)
                    + ":" + scheme.map(TokenScheme::name).orElse("-") + ":"
                    + kid.map(Kid::value).orElse("-") + ":"
                    + (name.isEmpty() ? "-" : name);
        }
    }

    private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9]+");
    private static final Pattern TRIMMED_UNDERSCORES = Pattern.compile("^_|_$");

    /** The most values a turn's event lists; beyond them it says how many it left out. */
    public static final int MAX_VALUES_LISTED = 100;

    /**
     * A turn's stage timings: detection, masking as a whole (detection and tokens), the upstream's first byte and whole
     * answer (from the end of masking), rehydration of the answer, the vault write made beside the upstream call and how
     * long the answer's end waited for it, and the whole turn.
     */
    public record StageTimes(
            Duration detect,
            Duration mask,
            Duration upstreamFirstByte,
            Duration upstream,
            Duration rehydrate,
            Duration vault,
            Duration vaultWait,
            Duration total) {
        public StageTimes {
            Objects.requireNonNull(detect, "detect");
            Objects.requireNonNull(mask, "mask");
            Objects.requireNonNull(upstreamFirstByte, "upstreamFirstByte");
            Objects.requireNonNull(upstream, "upstream");
            Objects.requireNonNull(rehydrate, "rehydrate");
            Objects.requireNonNull(vault, "vault");
            Objects.requireNonNull(vaultWait, "vaultWait");
            Objects.requireNonNull(total, "total");
        }
    }

    /** Whether the key is snake_case: a lower-case letter, then up to 63 lower-case letters, digits or underscores. */
    private static boolean isDataKey(String key) {
        if (key.isEmpty() || key.length() > 64 || key.charAt(0) < 'a' || key.charAt(0) > 'z') {
            return false;
        }
        return key.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_');
    }

    /** The key that makes {@code call_started} unique per agent and call. */
    public static String callStartedKey(AgentId agentId, CallId callId) {
        return "call_started:" + agentId.value() + ":" + callId.value();
    }
}
