package dev.masker.adapters.http;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.RequestId;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The one place where failures become HTTP answers: each {@link ErrorCode} has its status, every answer has the error
 * body and the request id, and nothing unexpected leaks a class name, a stack trace or request content.
 */
public final class HttpErrorMapper {
    private static final System.Logger LOG = System.getLogger(HttpErrorMapper.class.getName());
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final String PROXY_PREFIX = "/proxy/";

    private final JsonCodec json;

    public HttpErrorMapper(JsonCodec json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Registers the mapper for Masker's rejections, Helidon's own HTTP errors and anything unexpected. */
    public void register(HttpRouting.Builder routing) {
        routing.error(DomainException.class, this::rejected)
                .error(HttpException.class, this::helidonRejected)
                .error(UnreadableBodyException.class, this::unreadableBody)
                .error(RuntimeException.class, this::unexpected);
    }

    /** The HTTP status of each error code. */
    public static Status status(ErrorCode code) {
        return switch (code) {
            case BAD_SIGNATURE, UNAUTHENTICATED -> Status.UNAUTHORIZED_401;
            case CSRF_CHECK_FAILED -> Status.FORBIDDEN_403;
            case AGENT_NOT_FOUND, SESSION_NOT_FOUND, NOT_FOUND -> Status.NOT_FOUND_404;
            case UNSUPPORTED_EVENT,
                    VALIDATION_FAILED,
                    UNKNOWN_UPSTREAM,
                    UNKNOWN_POLICY,
                    POLICY_YAML_INVALID,
                    MODEL_NOT_ALLOWED -> Status.UNPROCESSABLE_CONTENT_422;
            case INVALID_JSON, BAD_REQUEST -> Status.BAD_REQUEST_400;
            case PAYLOAD_TOO_LARGE -> Status.REQUEST_ENTITY_TOO_LARGE_413;
            case RATE_LIMITED -> Status.TOO_MANY_REQUESTS_429;
            case AUDIT_UNAVAILABLE, UNAVAILABLE -> Status.SERVICE_UNAVAILABLE_503;
            case UNSUPPORTED_MEDIA_TYPE -> Status.UNSUPPORTED_MEDIA_TYPE_415;
            case METHOD_NOT_ALLOWED -> Status.METHOD_NOT_ALLOWED_405;
            case NAME_TAKEN -> Status.CONFLICT_409;
            case UPSTREAM_ERROR -> Status.BAD_GATEWAY_502;
            case UPSTREAM_TIMEOUT -> Status.GATEWAY_TIMEOUT_504;
            case INTERNAL_ERROR -> Status.INTERNAL_SERVER_ERROR_500;
            case URI_TOO_LONG -> Status.REQUEST_URI_TOO_LONG_414;
            case NOT_IMPLEMENTED -> Status.NOT_IMPLEMENTED_501;
            case HTTP_VERSION_NOT_SUPPORTED -> Status.HTTP_VERSION_NOT_SUPPORTED_505;
        };
    }

    /** The code of an error the web server itself raised with this status. */
    static ErrorCode codeOf(Status status) {
        return switch (status.code()) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 414 -> ErrorCode.URI_TOO_LONG;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 501 -> ErrorCode.NOT_IMPLEMENTED;
            case 503 -> ErrorCode.UNAVAILABLE;
            case 505 -> ErrorCode.HTTP_VERSION_NOT_SUPPORTED;
            default -> status.code() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
    }

    /** A handler for a known route called with a method it does not answer. */
    public static Handler methodNotAllowed(String allowed) {
        return (request, response) -> {
            response.header(HeaderNames.ALLOW, allowed);
            throw DomainException.of(ErrorCode.METHOD_NOT_ALLOWED, "This route answers " + allowed + " only.");
        };
    }

    private void rejected(ServerRequest request, ServerResponse response, DomainException rejection) {
        ErrorCode code = rejection.code();
        // SPEC §3 and §4 give each of these codes a Retry-After, whether or not the rejection says how long.
        Duration retryAfter = rejection
                .retryAfter()
                .orElse(
                        code == ErrorCode.UNAVAILABLE
                                        || code == ErrorCode.AUDIT_UNAVAILABLE
                                        || code == ErrorCode.RATE_LIMITED
                                ? DEFAULT_RETRY_AFTER
                                : null);
        if (retryAfter != null) {
            // Whole seconds, at least one (SPEC §3).
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            response.header(HeaderNames.RETRY_AFTER, Long.toString(seconds));
        }
        if (code == ErrorCode.AUDIT_UNAVAILABLE || code == ErrorCode.UNAVAILABLE) {
            LOG.log(
                    Level.WARNING,
                    "{0} answered {1}: {2}",
                    requestIdOf(request),
                    code.wireName(),
                    rejection.getMessage());
        }
        List<ErrorResponse.Detail> details = rejection.details().stream()
                .map(problem -> new ErrorResponse.Detail(problem.field(), problem.problem()))
                .toList();
        send(request, response, code, rejection.getMessage(), details);
    }

    private void helidonRejected(ServerRequest request, ServerResponse response, HttpException rejection) {
        ErrorCode code = codeOf(rejection.status());
        if (code == ErrorCode.INTERNAL_ERROR) {
            LOG.log(
                    Level.ERROR,
                    "{0} failed inside the web server with status {1}",
                    requestIdOf(request),
                    rejection.status().code());
        }
        send(request, response, code, messageFor(code), List.of());
    }

    private void unreadableBody(ServerRequest request, ServerResponse response, UnreadableBodyException failure) {
        // Where the next request on this connection would start is lost with the framing.
        response.header(HeaderValues.CONNECTION_CLOSE);
        send(request, response, ErrorCode.BAD_REQUEST, messageFor(ErrorCode.BAD_REQUEST), List.of());
    }

    private void unexpected(ServerRequest request, ServerResponse response, RuntimeException failure) {
        // The exception's message may quote request content; log only its type and where it was thrown.
        StackTraceElement[] trace = failure.getStackTrace();
        LOG.log(
                Level.ERROR,
                "{0} failed unexpectedly: {1} at {2}",
                requestIdOf(request),
                failure.getClass().getName(),
                trace.length > 0 ? trace[0] : "?");
        send(request, response, ErrorCode.INTERNAL_ERROR, messageFor(ErrorCode.INTERNAL_ERROR), List.of());
    }

    private void send(
            ServerRequest request,
            ServerResponse response,
            ErrorCode code,
            String message,
            List<ErrorResponse.Detail> details) {
        if (response.isSent()) {
            return;
        }
        String requestId = requestIdOf(request);
        response.header(RequestIdFilter.REQUEST_ID, requestId);
        ErrorResponse.Error error = request.path().path().startsWith(PROXY_PREFIX)
                // OpenAI's client libraries read type and param (SPEC §3).
                ? new ErrorResponse.Error(
                        code.wireName(),
                        message,
                        requestId,
                        details,
                        openAiType(code),
                        code == ErrorCode.MODEL_NOT_ALLOWED
                                ? "model"
                                : details.isEmpty() ? null : details.get(0).field())
                : new ErrorResponse.Error(code.wireName(), message, requestId, details);
        json.send(response, status(code), new ErrorResponse(error));
    }

    /** The OpenAI error {@code type} matching the code's status. */
    public static String openAiType(ErrorCode code) {
        return switch (status(code).code()) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status(code).code() >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    private static String requestIdOf(ServerRequest request) {
        return request.context().get(RequestId.class).map(RequestId::value).orElse("");
    }

    /** The message of an error the web server raised, or of one whose cause must not be told. */
    static String messageFor(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "No such route.";
            case METHOD_NOT_ALLOWED -> "This route does not answer that method.";
            case PAYLOAD_TOO_LARGE -> "The body is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case URI_TOO_LONG -> "The request line is too long.";
            case NOT_IMPLEMENTED -> "This server does not implement that method.";
            case HTTP_VERSION_NOT_SUPPORTED -> "Use HTTP/1.1 (HTTP/1.0 is served too).";
            case UNAVAILABLE -> "The server is busy or stopping; retry shortly.";
            case INTERNAL_ERROR -> "Something went wrong; the request id identifies it in the server log.";
            default -> "The request could not be understood.";
        };
    }
}
