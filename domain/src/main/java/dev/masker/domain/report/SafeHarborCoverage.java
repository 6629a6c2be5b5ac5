package dev.masker.domain.report;

import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.policy.EntityRule;
import dev.masker.domain.policy.Policy;
import dev.masker.domain.policy.PolicyAction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a policy does with one Safe Harbor identifier: its status and the effective action for each of its PHI kinds (a
 * kind the policy disables counts as {@code pass}, as the proxy applies it).
 */
public record SafeHarborCoverage(
        SafeHarborIdentifier identifier, SafeHarborStatus status, Map<PhiKind, PolicyAction> actions) {
    public SafeHarborCoverage {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(status, "status");
        actions = Map.copyOf(actions);
    }

    /** The coverage of all 18 identifiers, in the rule's order. */
    public static List<SafeHarborCoverage> of(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        List<SafeHarborCoverage> coverage = new ArrayList<>();
        for (SafeHarborIdentifier identifier : SafeHarborIdentifier.values()) {
            Map<PhiKind, PolicyAction> actions = new EnumMap<>(PhiKind.class);
            for (PhiKind kind : identifier.kinds()) {
                EntityRule rule = policy.rule(kind);
                actions.put(kind, rule.enabled() ? rule.action() : PolicyAction.PASS);
            }
            coverage.add(new SafeHarborCoverage(identifier, status(actions), actions));
        }
        return List.copyOf(coverage);
    }

    /** The weakest treatment wins: one kind let through makes the identifier {@code passed}. */
    private static SafeHarborStatus status(Map<PhiKind, PolicyAction> actions) {
        if (actions.isEmpty()) {
            return SafeHarborStatus.NOT_DETECTED;
        }
        if (actions.containsValue(PolicyAction.PASS)) {
            return SafeHarborStatus.PASSED;
        }
        return actions.containsValue(PolicyAction.TOKENIZE) ? SafeHarborStatus.MASKED : SafeHarborStatus.REDACTED;
    }
}
