package dev.masker.adapters.http;

import dev.masker.application.port.in.AuthenticateCommand;
import dev.masker.application.port.in.AuthenticateUseCase;
import dev.masker.application.port.in.AuthenticateUseCase.Authentication;
import dev.masker.application.port.in.AuthenticateUseCase.Authentication.Anonymous;
import dev.masker.application.port.in.AuthenticateUseCase.Authentication.Authenticated;
import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSessionSecret;
import dev.masker.domain.admin.Credential;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The guard in front of every {@code /api/v1} route: a request gets through with {@code Authorization: Bearer <admin
 * token>} or a valid {@code masker_session} cookie, within its caller's rate limit; only {@code POST
 * /api/v1/auth/session}, which is how a browser gets a cookie, lets anonymous callers through. When a header is sent
 * it alone decides. A cookie-authenticated request that changes something must also carry {@code X-Requested-With}
 * (CSRF defence: browsers send no custom header cross-site without a CORS preflight, and Masker allows none).
 * A session whose expiry was moved on gets its cookie again.
 */
public final class AdminAuthentication implements Handler {
    /** The header a cookie-authenticated change must carry, with any value. */
    public static final HeaderName CSRF_HEADER = HeaderNames.create("X-Requested-With");
    /** The one route that needs no credentials: signing in. */
    public static final String SIGN_IN_PATH = "/api/v1/auth/session";

    private static final Set<Method> SAFE_METHODS = Set.of(Method.GET, Method.HEAD, Method.OPTIONS);

    private final AuthenticateUseCase authenticate;

    public AdminAuthentication(AuthenticateUseCase authenticate) {
        this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        Optional<String> cookie = SessionCookie.read(request);
        Authentication authentication =
                authenticate.authenticate(new AuthenticateCommand(adminToken(request), cookie, clientAddress(request)));
        boolean signIn = request.prologue().method() == Method.POST
                && SIGN_IN_PATH.equals(request.path().absolute().path());
        switch (authentication) {
            case Authenticated authenticated -> {
                if (authenticated.via() == Credential.SESSION
                        && !signIn
                        && !SAFE_METHODS.contains(request.prologue().method())
                        && !hasCsrfHeader(request)) {
                    throw DomainException.of(
                            ErrorCode.CSRF_CHECK_FAILED,
                            "A change authenticated by the session cookie must" + " carry the header "
                                    + CSRF_HEADER.defaultCase() + " (any value).");
                }
                request.context().register(Authenticated.class, authenticated);
                if (authenticated.renewed()) {
                    cookie.flatMap(AdminSessionSecret::parse)
                            .ifPresent(secret -> response.header(HeaderNames.SET_COOKIE, SessionCookie.issue(secret)));
                }
            }
            case Anonymous anonymous -> {
                if (!signIn) {
                    throw DomainException.of(
                            ErrorCode.UNAUTHENTICATED, anonymous.failure().message());
                }
            }
        }
        response.next();
    }

    /** How the request was authenticated; only for routes behind this guard (every one but sign-in). */
    public static Authenticated authentication(ServerRequest request) {
        return request.context()
                .get(Authenticated.class, Authenticated.class)
                .orElseThrow(
                        () -> new IllegalStateException("the request was not authenticated by AdminAuthentication"));
    }

    /** The principal the request was authenticated as, as audit events record it. */
    public static AdminPrincipal principal(ServerRequest request) {
        return authentication(request).principal();
    }

    /** The peer's IP address (Masker trusts no forwarding header: behind a proxy, this is the proxy's). */
    public static String clientAddress(ServerRequest request) {
        SocketAddress address = request.remotePeer().address();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return request.remotePeer().host();
    }

    private static Optional<String> adminToken(ServerRequest request) {
        Optional<String> header = request.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        // Any other scheme is a credential too, and a wrong one: it matches no token, whatever cookie comes with it.
        return Optional.of(BearerTokens.credential(header).orElse(""));
    }

    private static boolean hasCsrfHeader(ServerRequest request) {
        return request.headers()
                .first(CSRF_HEADER)
                .filter(value -> !value.isBlank())
                .isPresent();
    }
}
