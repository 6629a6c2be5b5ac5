package dev.masker.adapters.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.AdminAuthentication;
import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.adapters.http.RequestBodies;
import dev.masker.adapters.http.RequestIdFilter;
import dev.masker.adapters.http.SessionCookie;
import dev.masker.application.port.in.AuthenticateUseCase.Authentication.Authenticated;
import dev.masker.application.port.in.SignInCommand;
import dev.masker.application.port.in.SignInUseCase;
import dev.masker.application.port.in.SignOutCommand;
import dev.masker.application.port.in.SignOutUseCase;
import dev.masker.application.port.in.SignedIn;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Browser sign-in to the admin API (SPEC §5): {@code POST /api/v1/auth/session} exchanges {@code {"token": "<admin
 * token>"}} for the {@code masker_session} cookie, {@code DELETE /api/v1/auth/session} signs that session out and
 * drops the cookie, {@code GET /api/v1/auth/me} says who the caller is and by which credential.
 */
public final class AuthHttpAdapter implements HttpService {
    private static final String SESSION_PATH = "/api/v1/auth/session";
    private static final String ME_PATH = "/api/v1/auth/me";

    private final SignInUseCase signIn;
    private final SignOutUseCase signOut;
    private final RequestBodies bodies;
    private final JsonCodec json;

    public AuthHttpAdapter(SignInUseCase signIn, SignOutUseCase signOut, RequestBodies bodies, JsonCodec json) {
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.signOut = Objects.requireNonNull(signOut, "signOut");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(SESSION_PATH, this::signIn)
                .delete(SESSION_PATH, this::signOut)
                .any(SESSION_PATH, HttpErrorMapper.methodNotAllowed("POST, DELETE"))
                .get(ME_PATH, this::me)
                .any(ME_PATH, HttpErrorMapper.methodNotAllowed("GET"));
    }

    private void signIn(ServerRequest request, ServerResponse response) {
        String token = token(json.readTree(bodies.readJson(request)));
        SignedIn signedIn = signIn.signIn(new SignInCommand(
                token, AdminAuthentication.clientAddress(request), RequestIdFilter.requestId(request)));
        response.header(HeaderNames.SET_COOKIE, SessionCookie.issue(signedIn.secret()));
        noContent(response);
    }

    private void signOut(ServerRequest request, ServerResponse response) {
        Authenticated authenticated = AdminAuthentication.authentication(request);
        // Signed in by token, there is no session to end; the cookie is dropped all the same.
        authenticated
                .session()
                .ifPresent(session -> signOut.signOut(new SignOutCommand(
                        session.digest(), authenticated.principal(), RequestIdFilter.requestId(request))));
        response.header(HeaderNames.SET_COOKIE, SessionCookie.clear());
        noContent(response);
    }

    private void me(ServerRequest request, ServerResponse response) {
        json.send(response, Status.OK_200, MeResponse.of(AdminAuthentication.authentication(request)));
    }

    private static void noContent(ServerResponse response) {
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.status(Status.NO_CONTENT_204);
        response.send();
    }

    private static String token(JsonNode body) {
        if (!body.isObject()) {
            throw DomainException.invalid("(body)", "must be a JSON object: {\"token\": \"<admin token>\"}");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("token")) {
                // The field name is the caller's own text; cap it so an error never echoes much of a body.
                String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
                problems.add(new FieldProblem(shown, "is not a known field"));
            }
        }
        JsonNode token = body.get("token");
        if (token == null || token.isNull()) {
            problems.add(new FieldProblem("token", "is required"));
        } else if (!token.isTextual()) {
            problems.add(new FieldProblem("token", "must be a string"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return token.textValue();
    }
}
