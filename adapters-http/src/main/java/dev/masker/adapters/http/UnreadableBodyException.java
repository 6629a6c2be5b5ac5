package dev.masker.adapters.http;

/**
 * A request body whose framing the web server could not read (a broken chunked encoding): answered 400
 * {@code bad_request}, and the connection is closed, since where the next request would start is lost with it.
 */
final class UnreadableBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableBodyException(Throwable cause) {
        // The cause's message may quote the bytes that could not be parsed; it is kept for a debugger, never logged.
        super("the request body's framing could not be read", cause);
    }
}
