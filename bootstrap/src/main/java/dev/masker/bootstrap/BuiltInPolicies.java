package dev.masker.bootstrap;

import dev.masker.adapters.persistence.policy.YamlPolicyAdapter;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.policy.Policy;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies Masker ships (SPEC §6), read from their YAML resources, and the kids they tokenize with: each kid needs
 * {@code MASKER_KEY_<KID>}.
 *
 * @param byName the built-in policies, by name
 * @param kids the kids they tokenize with, sorted
 */
public record BuiltInPolicies(Map<String, Policy> byName, List<Kid> kids) {

    public BuiltInPolicies {
        // In the order they are read, which is the order they are named in.
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        kids = List.copyOf(kids);
    }

    /** Reads the built-in policies from their resources; a resource that does not read is a broken build. */
    public static BuiltInPolicies read() {
        Map<String, Policy> byName = new YamlPolicyAdapter().builtIns();
        return new BuiltInPolicies(
                byName,
                YamlPolicyAdapter.kids(byName).stream()
                        .sorted(Comparator.comparing(Kid::value))
                        .toList());
    }
}
