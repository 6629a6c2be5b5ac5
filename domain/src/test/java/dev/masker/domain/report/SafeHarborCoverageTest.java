package dev.masker.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.policy.EntityRule;
import dev.masker.domain.policy.Policy;
import dev.masker.domain.policy.PolicyAction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeHarborCoverageTest {
    private static Policy policy(Map<PhiKind, EntityRule> rules) {
        return new Policy("clinic", 3, new Kid("K_HEALTHCARE"), Tokenization.VAULT_DETERMINISTIC, rules);
    }

    @Test
    void givenEveryPhiKind_identifiers_nameItExactlyOnce() {
        for (PhiKind kind : PhiKind.values()) {
            assertEquals(
                    1,
                    Arrays.stream(SafeHarborIdentifier.values())
                            .filter(identifier -> identifier.kinds().contains(kind))
                            .count(),
                    kind.name());
        }
        assertEquals(18, SafeHarborIdentifier.values().length);
    }

    @Test
    void givenTheDefaultRules_coverage_masksFifteenAndDetectsThreeNot() {
        List<SafeHarborCoverage> coverage = SafeHarborCoverage.of(policy(Map.of()));
        assertEquals(18, coverage.size());
        assertEquals(
                15,
                coverage.stream()
                        .filter(c -> c.status() == SafeHarborStatus.MASKED)
                        .count());
        assertEquals(
                List.of(16, 17, 18),
                coverage.stream()
                        .filter(c -> c.status() == SafeHarborStatus.NOT_DETECTED)
                        .map(c -> c.identifier().number())
                        .toList());
    }

    @Test
    void givenOneKindOfAnIdentifierPassed_coverage_isPassedForTheWholeIdentifier() {
        List<SafeHarborCoverage> coverage = SafeHarborCoverage.of(policy(Map.of(
                PhiKind.CITY, new EntityRule(true, PolicyAction.PASS),
                PhiKind.DATE, new EntityRule(false, PolicyAction.TOKENIZE))));
        SafeHarborCoverage geographic = coverage.get(1);
        assertEquals(SafeHarborStatus.PASSED, geographic.status());
        assertEquals(PolicyAction.PASS, geographic.actions().get(PhiKind.CITY));
        assertEquals(PolicyAction.TOKENIZE, geographic.actions().get(PhiKind.ZIP));
        assertEquals(SafeHarborStatus.PASSED, coverage.get(2).status(), "a disabled kind counts as passed");
        assertEquals(PolicyAction.PASS, coverage.get(2).actions().get(PhiKind.DATE));
    }

    @Test
    void givenRedactedKinds_coverage_isRedactedOnlyWhenNoKindIsTokenized() {
        List<SafeHarborCoverage> coverage = SafeHarborCoverage.of(policy(Map.of(
                PhiKind.SSN, new EntityRule(true, PolicyAction.REDACT),
                PhiKind.ACCOUNT, new EntityRule(true, PolicyAction.REDACT))));
        assertEquals(SafeHarborStatus.REDACTED, coverage.get(6).status());
        assertEquals(SafeHarborStatus.MASKED, coverage.get(9).status(), "CARD is still tokenized");
    }

    @Test
    void givenAPolicy_snapshot_listsEveryKindWithItsEffectiveRule() {
        PolicySnapshot snapshot =
                PolicySnapshot.of(policy(Map.of(PhiKind.SSN, new EntityRule(false, PolicyAction.REDACT))));
        assertEquals("clinic", snapshot.name());
        assertEquals(3, snapshot.version());
        String yaml = snapshot.yaml();
        assertEquals(
                PhiKind.values().length,
                yaml.lines().filter(line -> line.startsWith("  ")).count());
        assertEquals(true, yaml.contains("  SSN: { enabled: false, action: redact }\n"), yaml);
        assertEquals(
                true,
                yaml.startsWith("name: clinic\nversion: 3\nkid: K_HEALTHCARE\ntokenization: vault-deterministic\n"),
                yaml);
    }
}
