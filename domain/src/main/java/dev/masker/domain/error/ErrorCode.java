package dev.masker.domain.error;

import java.util.Locale;

/**
 * The public error codes of Masker's API. They are a contract with clients: add new ones, never rename.
 */
public enum ErrorCode {
    BAD_SIGNATURE,
    AGENT_NOT_FOUND,
    UNSUPPORTED_EVENT,
    VALIDATION_FAILED,
    INVALID_JSON,
    PAYLOAD_TOO_LARGE,
    RATE_LIMITED,
    AUDIT_UNAVAILABLE,
    UNSUPPORTED_MEDIA_TYPE,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    BAD_REQUEST,
    UNAVAILABLE,
    INTERNAL_ERROR,
    UNAUTHENTICATED,
    NAME_TAKEN,
    UNKNOWN_UPSTREAM,
    UNKNOWN_POLICY,
    POLICY_YAML_INVALID,
    MODEL_NOT_ALLOWED,
    UPSTREAM_ERROR,
    UPSTREAM_TIMEOUT,
    CSRF_CHECK_FAILED,
    URI_TOO_LONG,
    NOT_IMPLEMENTED,
    HTTP_VERSION_NOT_SUPPORTED,
    SESSION_NOT_FOUND;

    /** The code as it appears on the wire, e.g. {@code bad_signature}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
