package dev.masker.domain.policy;

import java.util.Objects;

/** A policy's rule for one PHI kind: whether it is looked for, and what is done with what is found. */
public record EntityRule(boolean enabled, PolicyAction action) {
    /** The rule for a kind a policy does not list: looked for and tokenized, the safe side. */
    public static final EntityRule DEFAULT = new EntityRule(true, PolicyAction.TOKENIZE);

    public EntityRule {
        Objects.requireNonNull(action, "action");
    }
}
