package dev.masker.domain.admin;

/**
 * Who made an admin request, as audit events record it: {@code admin-token:<first 8 hex digits of the token's SHA-256>}.
 * It tells rotated tokens apart without revealing any of them.
 */
public record AdminPrincipal(String value) {
    public AdminPrincipal {
        if (value == null
                || value.isEmpty()
                || value.length() > 200
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a principal is 1 to 200 printable ASCII characters without spaces");
        }
    }
}
