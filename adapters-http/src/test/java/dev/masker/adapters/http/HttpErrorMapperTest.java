package dev.masker.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.masker.domain.error.ErrorCode;
import io.helidon.http.Status;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each error code's HTTP status as the documents give it (SPEC §3–§7, the README's error table), written out here once
 * so that a code added to {@link ErrorCode} without a documented status fails this test rather than picking a status
 * silently.
 */
class HttpErrorMapperTest {
    /** The documented status of every error code. */
    static final Map<ErrorCode, Integer> DOCUMENTED_STATUS = documentedStatus();

    /** The codes whose answer carries {@code Retry-After} (SPEC §3, §4). */
    static final Set<ErrorCode> RETRY_AFTER =
            Set.of(ErrorCode.RATE_LIMITED, ErrorCode.UNAVAILABLE, ErrorCode.AUDIT_UNAVAILABLE);

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void givenAnErrorCode_status_isTheDocumentedOne(ErrorCode code) {
        Integer documented = DOCUMENTED_STATUS.get(code);
        assertNotNull(documented, code + " has no documented status: add it to the README's error table and here");

        assertEquals(documented, HttpErrorMapper.status(code).code());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void givenAnErrorCode_openAiType_followsItsStatusClass(ErrorCode code) {
        String expected = switch (DOCUMENTED_STATUS.get(code)) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> DOCUMENTED_STATUS.get(code) >= 500 ? "server_error" : "invalid_request_error";
        };

        assertEquals(expected, HttpErrorMapper.openAiType(code));
    }

    @Test
    void givenAStatusTheWebServerRaises_codeOf_isTheCodeOfThatStatus() {
        assertEquals(ErrorCode.NOT_FOUND, HttpErrorMapper.codeOf(Status.NOT_FOUND_404));
        assertEquals(ErrorCode.METHOD_NOT_ALLOWED, HttpErrorMapper.codeOf(Status.METHOD_NOT_ALLOWED_405));
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, HttpErrorMapper.codeOf(Status.REQUEST_ENTITY_TOO_LARGE_413));
        assertEquals(ErrorCode.URI_TOO_LONG, HttpErrorMapper.codeOf(Status.REQUEST_URI_TOO_LONG_414));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, HttpErrorMapper.codeOf(Status.UNSUPPORTED_MEDIA_TYPE_415));
        assertEquals(ErrorCode.NOT_IMPLEMENTED, HttpErrorMapper.codeOf(Status.NOT_IMPLEMENTED_501));
        assertEquals(ErrorCode.UNAVAILABLE, HttpErrorMapper.codeOf(Status.SERVICE_UNAVAILABLE_503));
        assertEquals(
                ErrorCode.HTTP_VERSION_NOT_SUPPORTED, HttpErrorMapper.codeOf(Status.HTTP_VERSION_NOT_SUPPORTED_505));
    }

    @Test
    void givenAnyOtherStatus_codeOf_isBadRequestOrInternalErrorByItsClass() {
        assertEquals(ErrorCode.BAD_REQUEST, HttpErrorMapper.codeOf(Status.BAD_REQUEST_400));
        assertEquals(ErrorCode.BAD_REQUEST, HttpErrorMapper.codeOf(Status.CONFLICT_409));
        assertEquals(ErrorCode.BAD_REQUEST, HttpErrorMapper.codeOf(Status.create(431)));
        assertEquals(ErrorCode.INTERNAL_ERROR, HttpErrorMapper.codeOf(Status.INTERNAL_SERVER_ERROR_500));
        assertEquals(ErrorCode.INTERNAL_ERROR, HttpErrorMapper.codeOf(Status.BAD_GATEWAY_502));
    }

    private static Map<ErrorCode, Integer> documentedStatus() {
        Map<ErrorCode, Integer> status = new EnumMap<>(ErrorCode.class);
        status.put(ErrorCode.INVALID_JSON, 400);
        status.put(ErrorCode.BAD_REQUEST, 400);
        status.put(ErrorCode.BAD_SIGNATURE, 401);
        status.put(ErrorCode.UNAUTHENTICATED, 401);
        status.put(ErrorCode.CSRF_CHECK_FAILED, 403);
        status.put(ErrorCode.AGENT_NOT_FOUND, 404);
        status.put(ErrorCode.SESSION_NOT_FOUND, 404);
        status.put(ErrorCode.NOT_FOUND, 404);
        status.put(ErrorCode.METHOD_NOT_ALLOWED, 405);
        status.put(ErrorCode.NAME_TAKEN, 409);
        status.put(ErrorCode.PAYLOAD_TOO_LARGE, 413);
        status.put(ErrorCode.URI_TOO_LONG, 414);
        status.put(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415);
        status.put(ErrorCode.UNSUPPORTED_EVENT, 422);
        status.put(ErrorCode.VALIDATION_FAILED, 422);
        status.put(ErrorCode.UNKNOWN_UPSTREAM, 422);
        status.put(ErrorCode.UNKNOWN_POLICY, 422);
        status.put(ErrorCode.POLICY_YAML_INVALID, 422);
        status.put(ErrorCode.MODEL_NOT_ALLOWED, 422);
        status.put(ErrorCode.RATE_LIMITED, 429);
        status.put(ErrorCode.INTERNAL_ERROR, 500);
        status.put(ErrorCode.NOT_IMPLEMENTED, 501);
        status.put(ErrorCode.UPSTREAM_ERROR, 502);
        status.put(ErrorCode.AUDIT_UNAVAILABLE, 503);
        status.put(ErrorCode.UNAVAILABLE, 503);
        status.put(ErrorCode.UPSTREAM_TIMEOUT, 504);
        status.put(ErrorCode.HTTP_VERSION_NOT_SUPPORTED, 505);
        return Map.copyOf(status);
    }
}
