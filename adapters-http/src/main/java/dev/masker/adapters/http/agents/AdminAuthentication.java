package dev.masker.adapters.http.agents;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Lets a request under {@code /api/v1} through only with {@code Authorization: Bearer <admin token>}, one of the
 * configured tokens (a list allows rotation), compared in constant time. The principal it records is a short digest of
 * the token, never the token.
 */
public final class AdminAuthentication implements Handler {
    private static final String BEARER = "Bearer ";

    private final List<byte[]> tokenDigests;

    public AdminAuthentication(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("at least one admin token is required");
        }
        this.tokenDigests = tokens.stream().map(AdminAuthentication::sha256).toList();
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        request.context().register(Principal.class, authenticate(request));
        response.next();
    }

    /** Who made the request, as recorded in audit events: {@code admin-token:<8 hex digits of its SHA-256>}. */
    public record Principal(String value) { }

    /** The principal the request was authenticated as. */
    public static Principal principal(ServerRequest request) {
        return request.context().get(Principal.class, Principal.class)
                .orElseThrow(() -> new IllegalStateException("AdminAuthentication is not registered"));
    }

    private Principal authenticate(ServerRequest request) {
        Optional<String> header = request.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty() || !header.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthenticated();
        }
        // Digests have one length, so comparing them takes the same time whatever token was offered.
        byte[] offered = sha256(header.get().substring(BEARER.length()).strip());
        boolean matched = false;
        for (byte[] digest : tokenDigests) {
            matched |= MessageDigest.isEqual(offered, digest);
        }
        if (!matched) {
            throw unauthenticated();
        }
        return new Principal("admin-token:" + HexFormat.of().formatHex(offered, 0, 4));
    }

    private static DomainException unauthenticated() {
        return DomainException.of(ErrorCode.UNAUTHENTICATED, "Send Authorization: Bearer <admin token>.");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
