package dev.masker.domain.report;

/** How a policy treats one Safe Harbor identifier. Wire names are a contract. */
public enum SafeHarborStatus {
    /** Every kind of the identifier is looked for and replaced by a token, or some by a token and the rest redacted. */
    MASKED("masked"),
    /** Every kind of the identifier is looked for and replaced by a marker that cannot be turned back. */
    REDACTED("redacted"),
    /** At least one kind of the identifier is switched off or set to {@code pass}: its values reach the LLM. */
    PASSED("passed"),
    /** Masker has no detector for the identifier, whatever the policy says. */
    NOT_DETECTED("not detected");

    private final String wireName;

    SafeHarborStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
