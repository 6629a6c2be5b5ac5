package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.masker.application.port.out.ReadPolicyPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.MaskAction;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.policy.EntityRule;
import dev.masker.domain.policy.Policy;
import dev.masker.domain.policy.PolicyAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentMaskingPoliciesTest {
    private static final Kid FRONT_DESK = new Kid("K_FRONTDESK");
    /** A built-in policy that disables SSN (even though its action says tokenize), redacts EMAIL and passes DOB. */
    private static final Policy BUILT_IN = new Policy(
            "healthcare-default",
            1,
            MaskingPolicy.HEALTHCARE_KID,
            Tokenization.VAULT_DETERMINISTIC,
            Map.of(
                    PhiKind.SSN,
                    new EntityRule(false, PolicyAction.TOKENIZE),
                    PhiKind.EMAIL,
                    new EntityRule(true, PolicyAction.REDACT),
                    PhiKind.DOB,
                    new EntityRule(true, PolicyAction.PASS)));

    private final List<String> reads = new ArrayList<>();
    /** A stand-in reader: the YAML text is the policy's name; every kind but NAME tokenized under K_FRONTDESK. */
    private final ReadPolicyPort reader = yaml -> {
        reads.add(yaml);
        return new Policy(
                yaml,
                1,
                FRONT_DESK,
                Tokenization.VAULT_DETERMINISTIC,
                Map.of(PhiKind.NAME, new EntityRule(true, PolicyAction.REDACT)));
    };

    private final AgentMaskingPolicies policies =
            new AgentMaskingPolicies(Map.of("healthcare-default", BUILT_IN), reader);

    private static Agent agent(Tokenization tokenization, String policyName) {
        return Agent.restore(
                AgentId.parse("agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A").orElseThrow(),
                new AgentName("Front desk"),
                new Upstream(Upstream.Provider.STUB, "stub"),
                tokenization,
                policyName,
                AssistantConfig.of(Map.of()),
                Optional.empty(),
                Instant.parse("2025-11-27T00:00:00Z"));
    }

    private static Agent withYaml(Tokenization tokenization, String yaml) {
        return agent(tokenization, yaml).withPolicy(yaml, Optional.of(yaml));
    }

    @Test
    void givenABuiltInPolicy_forAgent_passesDisabledKindsAndGivesTheOthersTheirAction() {
        MaskingPolicy masking = policies.forAgent(agent(Tokenization.VAULT_DETERMINISTIC, "healthcare-default"));

        assertEquals(MaskAction.PASS, masking.actionFor(PhiKind.SSN));
        assertEquals(MaskAction.REDACT, masking.actionFor(PhiKind.EMAIL));
        assertEquals(MaskAction.PASS, masking.actionFor(PhiKind.DOB));
        assertEquals(MaskAction.TOKENIZE, masking.actionFor(PhiKind.PHONE));
        assertEquals(MaskingPolicy.HEALTHCARE_KID, masking.kid());
        assertEquals(TokenScheme.MSKV1, masking.scheme());
    }

    @Test
    void givenAReversibleAeadAgent_forAgent_makesMsk1Tokens() {
        assertEquals(
                TokenScheme.MSK1,
                policies.forAgent(agent(Tokenization.REVERSIBLE_AEAD, "healthcare-default"))
                        .scheme());
        assertEquals(
                TokenScheme.MSK1,
                policies.forAgent(withYaml(Tokenization.REVERSIBLE_AEAD, "front-desk"))
                        .scheme());
    }

    @Test
    void givenAnAgentsOwnYaml_forAgentManyTimes_readsItOnce() {
        Agent agent = withYaml(Tokenization.VAULT_DETERMINISTIC, "front-desk");

        MaskingPolicy first = policies.forAgent(agent);
        policies.forAgent(agent);
        MaskingPolicy third = policies.forAgent(agent);

        assertEquals(List.of("front-desk"), reads);
        assertSame(first, third);
        assertEquals(FRONT_DESK, first.kid());
        assertEquals(MaskAction.REDACT, first.actionFor(PhiKind.NAME));
        assertEquals(MaskAction.TOKENIZE, first.actionFor(PhiKind.SSN));
    }

    @Test
    void givenTheSameYamlUnderAnotherTokenization_forAgent_readsItAgainForThatScheme() {
        policies.forAgent(withYaml(Tokenization.VAULT_DETERMINISTIC, "front-desk"));

        MaskingPolicy reversible = policies.forAgent(withYaml(Tokenization.REVERSIBLE_AEAD, "front-desk"));

        assertEquals(List.of("front-desk", "front-desk"), reads);
        assertEquals(TokenScheme.MSK1, reversible.scheme());
    }

    @Test
    void givenAnAgentNamingAPolicyThisServerDoesNotShip_forAgent_refuses() {
        assertThrows(
                IllegalStateException.class, () -> policies.forAgent(agent(Tokenization.VAULT_DETERMINISTIC, "gone")));
    }
}
