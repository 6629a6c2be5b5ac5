package dev.masker.domain.admin;

/** Which credential authenticated an admin request. */
public enum Credential {
    ADMIN_TOKEN("token"),
    SESSION("session");

    private final String wireName;

    Credential(String wireName) {
        this.wireName = wireName;
    }

    /** The name the API shows, e.g. in {@code GET /api/v1/auth/me}'s {@code via}. */
    public String wireName() {
        return wireName;
    }
}
