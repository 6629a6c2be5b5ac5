package dev.masker.adapters.http;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens one route accepts (several allow rotation), kept as SHA-256 digests and compared in constant time.
 * A request without one of them is {@code unauthenticated}.
 */
public final class BearerTokens {
    private static final String BEARER = "Bearer ";

    private final List<byte[]> digests;
    private final String what;

    /**
     * @param tokens the accepted tokens, at least one
     * @param what what the token is called in the error message, e.g. {@code metrics token}
     */
    public BearerTokens(List<String> tokens, String what) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("at least one token is required");
        }
        this.digests = tokens.stream().map(BearerTokens::sha256).toList();
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
        if (header.isEmpty() || !header.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        // Digests have one length, so comparing them takes the same time whatever token was offered.
        byte[] offered = sha256(header.get().substring(BEARER.length()).strip());
        boolean matched = false;
        for (byte[] digest : digests) {
            matched |= MessageDigest.isEqual(offered, digest);
        }
        return matched;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
