package dev.masker.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTest {
    private static final Kid KID = new Kid("K_HEALTHCARE");

    @Test
    void givenSomeKindsListed_create_givesTheOthersTheTokenizeDefault() {
        Policy policy = new Policy("front-desk", 1, KID, Tokenization.VAULT_DETERMINISTIC,
                Map.of(PhiKind.AGE, new EntityRule(false, PolicyAction.PASS)));

        assertEquals(new EntityRule(false, PolicyAction.PASS), policy.rule(PhiKind.AGE));
        assertEquals(EntityRule.DEFAULT, policy.rule(PhiKind.SSN));
        assertEquals(PhiKind.values().length, policy.entities().size());
    }

    @Test
    void givenBadNameOrVersion_create_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Policy("Front Desk", 1, KID, Tokenization.VAULT_DETERMINISTIC, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Policy("front-desk", 0, KID, Tokenization.VAULT_DETERMINISTIC, Map.of()));
    }

    @Test
    void givenWireNames_parse_findsOnlyExactActions() {
        assertEquals(Optional.of(PolicyAction.REDACT), PolicyAction.parse("redact"));
        assertEquals(Optional.empty(), PolicyAction.parse("REDACT"));
    }
}
