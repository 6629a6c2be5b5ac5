package dev.masker.domain.admin;

import java.util.regex.Pattern;

/**
 * The lower-case hex SHA-256 of a session secret: the key a sign-in session is stored under. A 256-bit random secret
 * cannot be found from it, so whoever reads the store cannot sign in with what it holds.
 */
public record AdminSessionDigest(String hex) {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    public AdminSessionDigest {
        if (hex == null || !FORM.matcher(hex).matches()) {
            throw new IllegalArgumentException("a session digest is 64 lower-case hex digits");
        }
    }
}
