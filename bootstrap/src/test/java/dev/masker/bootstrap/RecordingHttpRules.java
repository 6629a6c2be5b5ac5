package dev.masker.bootstrap;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An {@link HttpRules} that routes nothing: it remembers the method and path template of every registration a service
 * makes, so the routes a server really has can be compared with the API description. Nested {@code register(path,
 * ...)} calls are followed with their prefix. A route added as a ready-made {@link HttpRoute} does not show its method,
 * so it fails loudly instead of being missed.
 */
final class RecordingHttpRules implements HttpRules {
    /** The method recorded for {@code any(...)}: every method. */
    static final String ANY = "ANY";
    /** The path recorded for a registration without a path: every path under the prefix. */
    static final String EVERY_PATH = "/*";

    /** One registration: the method in upper case (or {@link #ANY}) and the path template in OpenAPI form. */
    record Registration(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    // Helidon writes a constrained parameter as {name:regex}; OpenAPI knows only {name}.
    private static final Pattern CONSTRAINED_PARAMETER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*):[^}]*}");

    private final String prefix;
    private final List<Registration> registrations;

    private RecordingHttpRules(String prefix, List<Registration> registrations) {
        this.prefix = prefix;
        this.registrations = registrations;
    }

    /** Everything the services register, in order. */
    static List<Registration> record(List<? extends HttpService> services) {
        RecordingHttpRules rules = new RecordingHttpRules("", new ArrayList<>());
        services.forEach(service -> service.routing(rules));
        return List.copyOf(rules.registrations);
    }

    @Override
    public HttpRules register(HttpService... services) {
        for (HttpService service : services) {
            service.routing(this);
        }
        return this;
    }

    @Override
    public HttpRules register(String pathPattern, HttpService... services) {
        RecordingHttpRules nested = new RecordingHttpRules(join(pathPattern), registrations);
        for (HttpService service : services) {
            service.routing(nested);
        }
        return this;
    }

    @Override
    public HttpRules route(HttpRoute route) {
        throw new AssertionError("A service added a ready-made HttpRoute"
                + route.pathMatcher().map(m -> " (" + m + ")").orElse("")
                + ", whose method cannot be read: register it with get/post/put/patch/delete/any(path, ...), "
                + "or teach RecordingHttpRules to read it");
    }

    @Override
    public HttpRules route(Method method, String pathPattern, Handler handler) {
        return add(method.text(), join(pathPattern));
    }

    @Override
    public HttpRules route(Method method, Handler handler) {
        return add(method.text(), join(EVERY_PATH));
    }

    @Override
    public HttpRules route(Method method, String pathPattern, Consumer<ServerRequest> handler) {
        return add(method.text(), join(pathPattern));
    }

    @Override
    public HttpRules route(Method method, String pathPattern, Function<ServerRequest, ?> handler) {
        return add(method.text(), join(pathPattern));
    }

    @Override
    public HttpRules route(Method method, String pathPattern, Supplier<?> handler) {
        return add(method.text(), join(pathPattern));
    }

    @Override
    public HttpRules get(String pathPattern, Handler... handlers) {
        return add(Method.GET.text(), join(pathPattern));
    }

    @Override
    public HttpRules get(Handler... handlers) {
        return add(Method.GET.text(), join(EVERY_PATH));
    }

    @Override
    public HttpRules post(String pathPattern, Handler... handlers) {
        return add(Method.POST.text(), join(pathPattern));
    }

    @Override
    public HttpRules post(Handler... handlers) {
        return add(Method.POST.text(), join(EVERY_PATH));
    }

    @Override
    public HttpRules put(String pathPattern, Handler... handlers) {
        return add(Method.PUT.text(), join(pathPattern));
    }

    @Override
    public HttpRules put(Handler... handlers) {
        return add(Method.PUT.text(), join(EVERY_PATH));
    }

    @Override
    public HttpRules delete(String pathPattern, Handler... handlers) {
        return add(Method.DELETE.text(), join(pathPattern));
    }

    @Override
    public HttpRules delete(Handler... handlers) {
        return add(Method.DELETE.text(), join(EVERY_PATH));
    }

    @Override
    public HttpRules head(String pathPattern, Handler... handlers) {
        return add(Method.HEAD.text(), join(pathPattern));
    }

    @Override
    public HttpRules head(Handler... handlers) {
        return add(Method.HEAD.text(), join(EVERY_PATH));
    }

    @Override
    public HttpRules options(String pathPattern, Handler... handlers) {
        return add(Method.OPTIONS.text(), join(pathPattern));
    }

    @Override
    public HttpRules options(Handler... handlers) {
        return add(Method.OPTIONS.text(), join(EVERY_PATH));
    }

    @Override
    public HttpRules trace(String pathPattern, Handler... handlers) {
        return add(Method.TRACE.text(), join(pathPattern));
    }

    @Override
    public HttpRules trace(Handler... handlers) {
        return add(Method.TRACE.text(), join(EVERY_PATH));
    }

    @Override
    public HttpRules patch(String pathPattern, Handler... handlers) {
        return add(Method.PATCH.text(), join(pathPattern));
    }

    @Override
    public HttpRules patch(Handler... handlers) {
        return add(Method.PATCH.text(), join(EVERY_PATH));
    }

    @Override
    public HttpRules any(String pathPattern, Handler... handlers) {
        return add(ANY, join(pathPattern));
    }

    @Override
    public HttpRules any(Handler... handlers) {
        return add(ANY, join(EVERY_PATH));
    }

    private HttpRules add(String method, String path) {
        registrations.add(
                new Registration(method, CONSTRAINED_PARAMETER.matcher(path).replaceAll("{$1}")));
        return this;
    }

    private String join(String pathPattern) {
        if (prefix.isEmpty()) {
            return pathPattern;
        }
        return "/".equals(pathPattern) ? prefix : prefix + pathPattern;
    }
}
