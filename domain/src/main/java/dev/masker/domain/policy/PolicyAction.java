package dev.masker.domain.policy;

import java.util.Arrays;
import java.util.Optional;

/** What a policy does with a detected value of one PHI kind. Wire names are a contract. */
public enum PolicyAction {
    /** Replaced by a token the agent's key can turn back into the value. */
    TOKENIZE("tokenize"),
    /** Replaced by a marker that cannot be turned back. */
    REDACT("redact"),
    /** Left as it is. */
    PASS("pass");

    private final String wireName;

    PolicyAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The action the text names exactly, or empty. */
    public static Optional<PolicyAction> parse(String text) {
        return Arrays.stream(values())
                .filter(action -> action.wireName.equals(text))
                .findFirst();
    }
}
