package dev.masker.application.service;

import dev.masker.application.port.out.ReadPolicyPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.phi.MaskAction;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.policy.EntityRule;
import dev.masker.domain.policy.Policy;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The masking policy an agent's turns are masked under: its own policy (the YAML kept with the agent, read once and
 * remembered) or the built-in one it names, with the agent's {@code tokenization} choosing the token scheme. A kind the
 * policy disables is not masked ({@code pass}); every other kind gets the policy's action.
 */
public final class AgentMaskingPolicies {
    private static final int MAX_REMEMBERED = 1_000;

    private final Map<String, Policy> builtIns;
    private final ReadPolicyPort reader;
    private final Map<String, InEffect> custom = new ConcurrentHashMap<>();

    /**
     * A policy as it applies to an agent: its name and version, what it does to each kind, and whether its turns'
     * payloads are kept ({@code log_payloads}).
     */
    public record InEffect(String name, int version, MaskingPolicy masking, boolean logPayloads) {
        public InEffect {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(masking, "masking");
        }
    }

    public AgentMaskingPolicies(Map<String, Policy> builtIns, ReadPolicyPort reader) {
        this.builtIns = Map.copyOf(builtIns);
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * The agent's masking policy.
     *
     * @throws IllegalStateException when the agent names a built-in policy this server does not ship (it was checked
     *         when the agent was saved)
     */
    public MaskingPolicy forAgent(Agent agent) {
        return inEffect(agent).masking();
    }

    /**
     * The agent's policy with its name and version, as a turn's audit record names it.
     *
     * @throws IllegalStateException as {@link #forAgent} does
     */
    public InEffect inEffect(Agent agent) {
        TokenScheme scheme =
                agent.tokenization() == Tokenization.REVERSIBLE_AEAD ? TokenScheme.MSK1 : TokenScheme.MSKV1;
        if (agent.customPolicyYaml().isPresent()) {
            String yaml = agent.customPolicyYaml().get();
            String key = scheme.name() + "\n" + yaml;
            InEffect known = custom.get(key);
            if (known != null) {
                return known;
            }
            InEffect read = inEffect(reader.read(yaml), scheme);
            if (custom.size() >= MAX_REMEMBERED) {
                custom.clear();
            }
            custom.put(key, read);
            return read;
        }
        Policy policy = builtIns.get(agent.policyName());
        if (policy == null) {
            throw new IllegalStateException("agent " + agent.id() + " names a policy this server does not ship");
        }
        return inEffect(policy, scheme);
    }

    private static InEffect inEffect(Policy policy, TokenScheme scheme) {
        Map<PhiKind, MaskAction> actions = new EnumMap<>(PhiKind.class);
        for (PhiKind kind : PhiKind.values()) {
            EntityRule rule = policy.rule(kind);
            actions.put(
                    kind,
                    !rule.enabled()
                            ? MaskAction.PASS
                            : switch (rule.action()) {
                                case TOKENIZE -> MaskAction.TOKENIZE;
                                case REDACT -> MaskAction.REDACT;
                                case PASS -> MaskAction.PASS;
                            });
        }
        return new InEffect(
                policy.name(),
                policy.version(),
                new MaskingPolicy(policy.kid(), scheme, actions),
                policy.logPayloads());
    }
}
