package dev.masker.adapters.persistence.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.policy.EntityRule;
import dev.masker.domain.policy.Policy;
import dev.masker.domain.policy.PolicyAction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YamlPolicyAdapterTest {
    private static final String VALID = """
            name: front-desk
            version: 2
            kid: K_FRONTDESK
            tokenization: reversible-aead
            entities:
              NAME:
                enabled: true
                action: redact
              AGE: { enabled: false, action: pass }
            """;

    private final YamlPolicyAdapter reader = new YamlPolicyAdapter();

    @Test
    void givenShippedResource_builtIns_healthcareDefaultTokenizesEveryKindWithKHealthcare() {
        Map<String, Policy> builtIns = reader.builtIns();

        Policy policy = builtIns.get("healthcare-default");
        assertEquals(1, policy.version());
        assertEquals(new Kid("K_HEALTHCARE"), policy.kid());
        assertEquals(Tokenization.VAULT_DETERMINISTIC, policy.tokenization());
        for (PhiKind kind : PhiKind.values()) {
            assertEquals(new EntityRule(true, PolicyAction.TOKENIZE), policy.rule(kind), kind.name());
        }
        assertEquals(Set.of(new Kid("K_HEALTHCARE")), YamlPolicyAdapter.kids(builtIns));
    }

    @Test
    void givenValidYaml_read_returnsThePolicyAndTokenizesUnlistedKinds() {
        Policy policy = reader.read(VALID);

        assertEquals("front-desk", policy.name());
        assertEquals(2, policy.version());
        assertEquals(new Kid("K_FRONTDESK"), policy.kid());
        assertEquals(Tokenization.REVERSIBLE_AEAD, policy.tokenization());
        assertEquals(new EntityRule(true, PolicyAction.REDACT), policy.rule(PhiKind.NAME));
        assertEquals(new EntityRule(false, PolicyAction.PASS), policy.rule(PhiKind.AGE));
        assertEquals(EntityRule.DEFAULT, policy.rule(PhiKind.SSN));
        assertFalse(policy.logPayloads(), "payloads are kept only when the policy says so");
        assertFalse(reader.builtIns().get("healthcare-default").logPayloads());
    }

    @Test
    void givenLogPayloads_read_takesTrueOrFalseAndRefusesAnythingElse() {
        assertTrue(reader.read(VALID + "log_payloads: true\n").logPayloads());
        assertFalse(reader.read(VALID + "log_payloads: false\n").logPayloads());

        DomainException refused = assertThrows(DomainException.class, () -> reader.read(VALID + "log_payloads: yes\n"));
        assertEquals("log_payloads", refused.details().getFirst().field());
        assertTrue(
                refused.details().getFirst().problem().contains("must be true or false"),
                refused.details().toString());
    }

    @Test
    void givenUnknownAction_read_namesTheKeyWithLineAndColumnButNotTheValue() {
        String yaml = VALID.replace("action: redact", "action: 555-867-5309");

        List<FieldProblem> problems = problems(yaml);

        assertEquals(
                List.of(new FieldProblem(
                        "entities.NAME.action", "line 8, column 13: must be tokenize, redact or pass")),
                problems);
        assertFalse(problems.toString().contains("555"));
    }

    @Test
    void givenUnknownKindFieldAndKey_read_reportsEachWithItsPosition() {
        String yaml = VALID.replace("  AGE:", "  SHOE_SIZE:")
                .replace("version: 2", "version: 2\nowner: Jane Doe")
                .replace("enabled: true", "enabled: true\n    colour: red");

        List<FieldProblem> problems = problems(yaml);

        assertEquals(3, problems.size(), problems.toString());
        assertEquals("owner", problems.get(0).field());
        assertTrue(problems.get(0).problem().startsWith("line 3, column 1: is not a known key"), problems.toString());
        assertEquals("entities.NAME.colour", problems.get(1).field());
        assertTrue(problems.get(1).problem().startsWith("line 9, column 5: "), problems.toString());
        assertEquals(
                new FieldProblem("entities.SHOE_SIZE", "line 11, column 3: is not a PHI kind (SPEC §6)"),
                problems.get(2));
        assertFalse(problems.toString().contains("Jane"));
    }

    @Test
    void givenBadScalars_read_reportsEveryOne() {
        String yaml = """
                name: Front Desk
                version: -1
                kid: healthcare
                tokenization: rot13
                """;

        List<FieldProblem> problems = problems(yaml);

        assertEquals(
                List.of("name", "version", "kid", "tokenization"),
                problems.stream().map(FieldProblem::field).toList());
        assertTrue(problems.get(1).problem().startsWith("line 2, column 10: "), problems.toString());
    }

    @Test
    void givenMissingFields_read_namesThemAsRequired() {
        List<FieldProblem> problems = problems("entities: {}\n");

        assertEquals(
                List.of("name", "version", "kid", "tokenization"),
                problems.stream().map(FieldProblem::field).toList());
        assertTrue(problems.stream().allMatch(problem -> problem.problem().endsWith("is required")));
    }

    @Test
    void givenMalformedYaml_read_pointsAtTheLineWithoutEchoingIt() {
        List<FieldProblem> problems = problems("name: x\nversion: [1, 2\nkid: \"Jane");

        assertEquals(1, problems.size());
        assertEquals("policy_yaml", problems.get(0).field());
        assertTrue(
                problems.get(0).problem().matches("line \\d+, column \\d+: is not well-formed YAML"),
                problems.toString());
    }

    @Test
    void givenBillionLaughs_read_isRefused() {
        String yaml = """
                a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                """;

        DomainException refused = assertThrows(DomainException.class, () -> reader.read(yaml));

        assertEquals(ErrorCode.POLICY_YAML_INVALID, refused.code());
    }

    @Test
    void givenScalarAnchor_read_isRefused() {
        String yaml = VALID.replace("kid: K_FRONTDESK", "kid: &k K_FRONTDESK").replace("action: redact", "action: *k");

        List<FieldProblem> problems = problems(yaml);

        assertTrue(
                problems.stream()
                        .anyMatch(problem -> problem.problem().endsWith("anchors and aliases are not allowed")),
                problems.toString());
    }

    @Test
    void givenDeepNesting_read_isRefusedBeforeParsing() {
        String yaml = "entities: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";

        assertEquals(List.of(new FieldProblem("policy_yaml", "must nest at most 8 levels")), problems(yaml));
    }

    @Test
    void givenOversizedText_read_isRefused() {
        String yaml = VALID + "#" + "x".repeat(YamlPolicyAdapter.MAX_CHARS);

        assertEquals(List.of(new FieldProblem("policy_yaml", "must be at most 16384 characters")), problems(yaml));
    }

    @Test
    void givenTaggedValue_read_isRefusedOrIgnoredButNeverConstructed() {
        String yaml = VALID.replace("name: front-desk", "name: !!java.lang.Runtime front-desk");

        Policy policy = reader.read(yaml);

        assertEquals("front-desk", policy.name());
    }

    private List<FieldProblem> problems(String yaml) {
        DomainException refused = assertThrows(DomainException.class, () -> reader.read(yaml));
        assertEquals(ErrorCode.POLICY_YAML_INVALID, refused.code());
        return refused.details();
    }
}
