package dev.masker.domain.report;

import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.policy.EntityRule;
import dev.masker.domain.policy.Policy;
import java.util.Objects;

/**
 * A policy written out as YAML from its parsed form, every kind listed: the effective policy, in the form the policy
 * reader takes. Written from the parsed policy rather than copied from an agent's stored text so that a report never
 * carries the free text of comments (which no one checked for PHI), and two agents with the same rules show the same
 * snapshot.
 */
public record PolicySnapshot(String name, int version, String yaml) {
    public PolicySnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yaml, "yaml");
    }

    /** The snapshot of the policy. */
    public static PolicySnapshot of(Policy policy) {
        StringBuilder yaml = new StringBuilder()
                .append("name: ")
                .append(policy.name())
                .append('\n')
                .append("version: ")
                .append(policy.version())
                .append('\n')
                .append("kid: ")
                .append(policy.kid().value())
                .append('\n')
                .append("tokenization: ")
                .append(policy.tokenization().wireName())
                .append('\n');
        if (policy.logPayloads()) {
            // A reviewer must see that a policy keeps its turns' payloads (PHI at rest); off is the default, left out.
            yaml.append("log_payloads: true\n");
        }
        yaml.append("entities:\n");
        for (PhiKind kind : PhiKind.values()) {
            EntityRule rule = policy.rule(kind);
            yaml.append("  ")
                    .append(kind.name())
                    .append(": { enabled: ")
                    .append(rule.enabled())
                    .append(", action: ")
                    .append(rule.action().wireName())
                    .append(" }\n");
        }
        return new PolicySnapshot(policy.name(), policy.version(), yaml.toString());
    }
}
