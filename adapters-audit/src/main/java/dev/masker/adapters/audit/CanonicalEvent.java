package dev.masker.adapters.audit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.masker.domain.audit.AuditEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of an audit event, written down in docs/AUDIT.md so that anyone can verify the log offline: JSON
 * with every object's keys sorted, no white space, strings escaped as JSON requires. The chain's hash rule over it is
 * {@link dev.masker.domain.audit.ChainHash}'s.
 */
final class CanonicalEvent {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalEvent() {}

    /** The canonical JSON of the event at its place in the chain. */
    static String body(AuditEvent event, long sequence) {
        Map<String, Object> body = new TreeMap<>();
        body.put("seq", sequence);
        body.put("event_id", event.id().value());
        body.put("type", event.type().wireName());
        body.put("occurred_at", timestamp(event.occurredAt()));
        event.agentId().ifPresent(agent -> body.put("agent_id", agent.value()));
        body.put("data", new TreeMap<>(event.data()));
        try {
            return JSON.writeValueAsString(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("an audit event could not be written as JSON", e);
        }
    }

    /** The parsed body, for checking it against the row's columns. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String body) {
        try {
            return JSON.readValue(body, Map.class);
        } catch (JacksonException e) {
            return Map.of();
        }
    }

    static String timestamp(Instant instant) {
        return RFC_3339_MILLIS.format(instant);
    }
}
