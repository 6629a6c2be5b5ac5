package dev.masker.domain.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configured admin tokens (a list, so that a token can be rotated). Only their SHA-256 digests are held; an offered
 * token is compared with every one of them in constant time.
 */
public final class AdminTokens {
    private static final String PRINCIPAL_PREFIX = "admin-token:";

    private final List<byte[]> digests;
    private final Set<AdminPrincipal> principals;

    private AdminTokens(List<byte[]> digests) {
        this.digests = digests;
        this.principals = digests.stream().map(AdminTokens::principalOf).collect(Collectors.toUnmodifiableSet());
    }

    /** The tokens, at least one. */
    public static AdminTokens of(List<String> tokens) {
        if (tokens.isEmpty() || tokens.stream().anyMatch(token -> token == null || token.isEmpty())) {
            throw new IllegalArgumentException("at least one non-empty admin token is required");
        }
        return new AdminTokens(tokens.stream().map(AdminTokens::sha256).toList());
    }

    /** The principal of the configured token that the offered text is, if it is one. */
    public Optional<AdminPrincipal> match(String offered) {
        // Digests have one length, so comparing them takes the same time whatever was offered, and every configured
        // token is compared, so the time does not say which one matched.
        byte[] digest = sha256(offered);
        boolean matched = false;
        for (byte[] configured : digests) {
            matched |= MessageDigest.isEqual(digest, configured);
        }
        return matched ? Optional.of(principalOf(digest)) : Optional.empty();
    }

    /**
     * Whether the principal belongs to a token configured now. A session signed in with a token that has since been
     * removed from the configuration no longer stands for anyone.
     */
    public boolean stillConfigured(AdminPrincipal principal) {
        return principals.contains(principal);
    }

    @Override
    public String toString() {
        return "AdminTokens[" + digests.size() + " configured]";
    }

    private static AdminPrincipal principalOf(byte[] digest) {
        return new AdminPrincipal(PRINCIPAL_PREFIX + HexFormat.of().formatHex(digest, 0, 4));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
