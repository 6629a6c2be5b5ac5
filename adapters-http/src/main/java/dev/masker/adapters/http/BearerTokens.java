package dev.masker.adapters.http;

import dev.masker.domain.admin.AdminTokens;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens one route accepts (several allow rotation), matched with the admin tokens' constant-time digest
 * comparison ({@link AdminTokens}). A request without one of them is {@code unauthenticated}.
 */
public final class BearerTokens {
    private static final String BEARER = "Bearer ";

    private final AdminTokens tokens;
    private final String what;

    /**
     * @param tokens the accepted tokens, at least one
     * @param what what the token is called in the error message, e.g. {@code metrics token}
     */
    public BearerTokens(List<String> tokens, String what) {
        this.tokens = AdminTokens.of(tokens);
        this.what = what;
    }

    /** Returns when the request carries {@code Authorization: Bearer <one of the tokens>}; throws otherwise. */
    public void require(ServerRequest request) {
        if (!accepts(request.headers().first(HeaderNames.AUTHORIZATION))) {
            throw DomainException.of(ErrorCode.UNAUTHENTICATED, "Send Authorization: Bearer <" + what + ">.");
        }
    }

    /** Whether an {@code Authorization} header value names one of the tokens. */
    boolean accepts(Optional<String> header) {
        return credential(header).flatMap(tokens::match).isPresent();
    }

    /** The credential of an {@code Authorization: Bearer <credential>} header value (scheme in any case), if it is one. */
    public static Optional<String> credential(Optional<String> header) {
        return header.filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip());
    }
}
