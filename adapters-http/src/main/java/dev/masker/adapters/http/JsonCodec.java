package dev.masker.adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Reads and writes JSON for every route with one strictly configured mapper. */
public final class JsonCodec {
    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A time as every {@code /api/v1} answer writes it (SPEC §3): RFC 3339 UTC with milliseconds. */
    public static String timestamp(Instant instant) {
        return RFC_3339_MILLIS.format(instant);
    }

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * The JSON document in the body.
     *
     * @throws DomainException with {@code invalid_json}; the message never quotes the body
     */
    public JsonNode readTree(byte[] body) {
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw invalidJson();
            }
            return tree;
        } catch (JacksonException e) {
            throw invalidJson();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JSON object in the body as plain maps, lists and scalars (floats as {@link java.math.BigDecimal}, so they are
     * written back digit for digit).
     *
     * @throws DomainException with {@code invalid_json} when the body is not JSON, or {@code validation_failed} when it
     *         is JSON but not an object; the message never quotes the body
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> readObject(byte[] body) {
        Object value;
        try {
            value = mapper.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw invalidJson();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(value instanceof Map<?, ?> object)) {
            throw value == null && body.length == 0
                    ? invalidJson()
                    : DomainException.invalid("(body)", "must be a JSON object");
        }
        return (Map<String, Object>) object;
    }

    /** The JSON object as plain maps, lists and scalars. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap(JsonNode object) {
        return mapper.convertValue(object, Map.class);
    }

    /** The value as JSON bytes. */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("a response could not be written as JSON", e);
        }
    }

    /** Sends the value as a JSON answer with the status. */
    public void send(ServerResponse response, Status status, Object value) {
        sendBytes(response, status, write(value));
    }

    /** Sends JSON that is already written (a relayed answer), with the same headers as {@link #send}. */
    public void sendBytes(ServerResponse response, Status status, byte[] json) {
        response.status(status);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(json);
    }

    private static DomainException invalidJson() {
        return DomainException.of(ErrorCode.INVALID_JSON, "The body is not valid JSON.");
    }
}
