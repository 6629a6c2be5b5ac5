package dev.masker.domain.policy;

import static dev.masker.domain.error.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTest {
    private static final Kid KID = new Kid("K_HEALTHCARE");

    @Test
    void givenSomeKindsListed_create_givesTheOthersTheTokenizeDefault() {
        Policy policy = new Policy(
                "front-desk",
                1,
                KID,
                Tokenization.VAULT_DETERMINISTIC,
                Map.of(PhiKind.AGE, new EntityRule(false, PolicyAction.PASS)));

        assertEquals(new EntityRule(false, PolicyAction.PASS), policy.rule(PhiKind.AGE));
        assertEquals(EntityRule.DEFAULT, policy.rule(PhiKind.SSN));
        assertEquals(PhiKind.values().length, policy.entities().size());
    }

    @Test
    void givenBadNameOrVersion_create_isRefusedAsAnInvalidPolicyNamingTheKey() {
        DomainException badName = assertRefused(
                ErrorCode.POLICY_YAML_INVALID,
                () -> new Policy("Jane Roe", 1, KID, Tokenization.VAULT_DETERMINISTIC, Map.of()),
                "Jane Roe");
        DomainException badVersion = assertRefused(
                ErrorCode.POLICY_YAML_INVALID,
                () -> new Policy("front-desk", 0, KID, Tokenization.VAULT_DETERMINISTIC, Map.of()));

        assertEquals(
                List.of("name"),
                badName.details().stream().map(FieldProblem::field).toList());
        assertEquals(
                List.of("version"),
                badVersion.details().stream().map(FieldProblem::field).toList());
    }

    @Test
    void givenWireNames_parse_findsOnlyExactActions() {
        assertEquals(Optional.of(PolicyAction.REDACT), PolicyAction.parse("redact"));
        assertEquals(Optional.empty(), PolicyAction.parse("REDACT"));
    }
}
