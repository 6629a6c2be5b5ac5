package dev.masker.application.port.out;

import dev.masker.domain.policy.Policy;

/** Reads a policy from its YAML text (SPEC §6). */
public interface ReadPolicyPort {
    /**
     * The policy the text describes.
     *
     * @throws dev.masker.domain.error.DomainException {@code policy_yaml_invalid}, each detail naming the key at fault
     *         and its line and column, never the values
     */
    Policy read(String yaml);
}
