package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.in.CreateAgentCommand;
import dev.masker.application.port.out.ReadPolicyPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.policy.Policy;
import dev.masker.testsupport.ports.InMemoryAgents;
import dev.masker.testsupport.ports.InMemoryAuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Choosing an agent's policy: a built-in by name, or its own YAML (issue 4). */
class AgentPolicyRulesTest {
    private static final RequestId REQUEST_ID = new RequestId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1R"));
    /** A stand-in reader: the YAML text is the policy's name and kid, "name kid". */
    private static final ReadPolicyPort READER = yaml -> {
        String[] parts = yaml.split(" ");
        return new Policy(parts[0], 1, new Kid(parts[1]), Tokenization.VAULT_DETERMINISTIC, Map.of());
    };

    private final InMemoryAgents agents = new InMemoryAgents();
    private final CreateAgentService service = new CreateAgentService(
            agents,
            new InMemoryAuditLog(),
            new SequentialIds(),
            Clock.fixed(Instant.parse("2025-11-27T09:30:00Z"), ZoneOffset.UTC),
            Set.of("healthcare-default"),
            READER,
            kid -> kid.value().equals("K_HEALTHCARE") || kid.value().equals("K_FRONTDESK"));

    private static CreateAgentCommand command(Optional<String> policyName, Optional<String> policyYaml) {
        return new CreateAgentCommand(
                "Front desk",
                "stub",
                Optional.empty(),
                policyName,
                policyYaml,
                AssistantConfig.of(Map.of()),
                Optional.empty(),
                List.of(),
                "admin",
                REQUEST_ID);
    }

    @Test
    void givenCustomPolicyWithAKeyedKid_create_storesItsNameAndYaml() {
        Agent agent = service.create(command(Optional.empty(), Optional.of("front-desk K_FRONTDESK")));

        assertEquals("front-desk", agent.policyName());
        assertEquals(Optional.of("front-desk K_FRONTDESK"), agent.customPolicyYaml());
    }

    @Test
    void givenPolicyNameAndYaml_create_answersValidationFailedNamingBoth() {
        DomainException refused = assertThrows(
                DomainException.class,
                () -> service.create(
                        command(Optional.of("healthcare-default"), Optional.of("front-desk K_FRONTDESK"))));

        assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
        assertEquals(
                List.of("policy_name", "policy_yaml"),
                refused.details().stream().map(FieldProblem::field).toList());
        assertTrue(agents.all().isEmpty());
    }

    @Test
    void givenCustomPolicyWithAnUnkeyedKid_create_answersPolicyYamlInvalidNamingTheVariable() {
        DomainException refused = assertThrows(
                DomainException.class,
                () -> service.create(command(Optional.empty(), Optional.of("billing K_BILLING"))));

        assertEquals(ErrorCode.POLICY_YAML_INVALID, refused.code());
        assertEquals("kid", refused.details().getFirst().field());
        assertTrue(refused.details().getFirst().problem().contains("MASKER_KEY_K_BILLING"));
    }

    @Test
    void givenCustomPolicyTakingABuiltInName_create_answersPolicyYamlInvalid() {
        DomainException refused = assertThrows(
                DomainException.class,
                () -> service.create(command(Optional.empty(), Optional.of("healthcare-default K_HEALTHCARE"))));

        assertEquals(ErrorCode.POLICY_YAML_INVALID, refused.code());
        assertEquals("name", refused.details().getFirst().field());
    }

    @Test
    void givenUnknownPolicyName_create_answersUnknownPolicy() {
        DomainException refused = assertThrows(
                DomainException.class, () -> service.create(command(Optional.of("lenient"), Optional.empty())));

        assertEquals(ErrorCode.UNKNOWN_POLICY, refused.code());
    }
}
