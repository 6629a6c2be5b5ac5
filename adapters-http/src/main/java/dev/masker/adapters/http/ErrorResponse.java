package dev.masker.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of every error answer: {@code {"error": {"code", "message", "request_id", "details"?}}}. */
public record ErrorResponse(Error error) {
    /** The error itself. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Error(
            String code, String message, String request_id, List<Detail> details, String type, String param) {
        /** An error without OpenAI's fields: every route but the proxy's. */
        public Error(String code, String message, String request_id, List<Detail> details) {
            this(code, message, request_id, details, null, null);
        }
    }

    /** One offending field of a {@code validation_failed} answer. */
    public record Detail(String field, String problem) {}
}
