package dev.masker.domain.vapi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A Vapi server message, from either envelope: the documented one ({@code type}, {@code call}, {@code timestamp} at
 * the top level) or Vapi's real one ({@code {"message": {...}}}), reduced to what Masker reads. {@code call} is empty
 * when it is missing or is not an object. An end-of-call report adds Vapi's ended reason and the call's start and end;
 * a {@code tool-calls} message its tool calls. Nothing else of a message is read: transcripts, summaries, recordings and
 * tool arguments are PHI and stay where they are.
 */
public record VapiMessage(
        Optional<String> type,
        Optional<VapiCall> call,
        OptionalLong timestamp,
        Optional<String> endedReason,
        Optional<Instant> startedAt,
        Optional<Instant> endedAt,
        List<VapiToolCall> toolCalls) {
    public static final String ASSISTANT_REQUEST = "assistant-request";
    /** Vapi's ended reasons are identifiers ("customer-ended-call", "pipeline-error-openai-llm-failed"). */
    /** Time stamps from 10^11 on are milliseconds (10^11 seconds is the year 5138). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private static final Pattern ENDED_REASON = Pattern.compile("[a-z0-9][a-z0-9.-]{0,119}");

    public VapiMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(endedReason, "endedReason");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        toolCalls = List.copyOf(toolCalls);
    }

    /** A message of a type, a call and a timestamp only, as every message has. */
    public VapiMessage(Optional<String> type, Optional<VapiCall> call, OptionalLong timestamp) {
        this(type, call, timestamp, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public boolean isAssistantRequest() {
        return type.filter(ASSISTANT_REQUEST::equals).isPresent();
    }

    /**
     * Whether the message's own time stamp (Vapi's milliseconds, or seconds) is further than {@code window} from
     * {@code now}: a message signed long ago and sent again. A message without a time stamp is never stale.
     */
    public boolean isStale(Instant now, Duration window) {
        if (timestamp.isEmpty()) {
            return false;
        }
        long value = timestamp.getAsLong();
        long millis = Math.abs(value) >= MILLIS_THRESHOLD ? value : value * 1000;
        return Math.abs(now.toEpochMilli() - millis) > window.toMillis();
    }

    /** What Masker does with the message; empty when it has no type. */
    public Optional<VapiMessageKind> kind() {
        return VapiMessageKind.of(type);
    }

    /**
     * The ended reason as the audit log may record it: Vapi's identifier when it is one, else {@code other}. The field
     * comes from outside, so anything that is not an identifier (free text could hold PHI) is never written.
     */
    public String auditableEndedReason() {
        return endedReason
                .filter(reason -> ENDED_REASON.matcher(reason).matches())
                .orElse(endedReason.isPresent() ? "other" : "unknown");
    }
}
