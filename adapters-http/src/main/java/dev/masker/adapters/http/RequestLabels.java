package dev.masker.adapters.http;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.Set;

/**
 * What a request may be observed by, in metric labels and the access log: the route template it matched, its method
 * and its status — never its concrete path, its query or anything else the caller wrote. A path holds an agent id and
 * could hold a phone number; a made-up method name is the caller's text too; each would become a label otherwise.
 */
public final class RequestLabels {
    /** The route of a request no route matched (Helidon's own 404). */
    public static final String UNMATCHED = "unmatched";
    /** The method of a request whose method is not one of HTTP's standard ones. */
    public static final String OTHER_METHOD = "OTHER";

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private RequestLabels() {}

    /**
     * The template of the last route that took the request, e.g. {@code /vapi/webhook/{agent_id}}, as the routes
     * declare it; {@link #UNMATCHED} when none did.
     */
    public static String route(ServerRequest request) {
        return route(request.matchingPattern());
    }

    /** The request's method when it is a standard one, else {@link #OTHER_METHOD}. */
    public static String method(ServerRequest request) {
        return method(request.prologue().method().text());
    }

    /**
     * The status the caller got. Read once the filter chain has returned: Helidon runs the error handlers inside it,
     * so a mapped failure already has its status. A failure that escaped every handler is answered 500.
     */
    public static int status(ServerResponse response) {
        return response.isSent() ? response.status().code() : 500;
    }

    static String route(Optional<String> pattern) {
        return pattern.filter(template -> !template.isEmpty()).orElse(UNMATCHED);
    }

    static String method(String name) {
        return METHODS.contains(name) ? name : OTHER_METHOD;
    }
}
