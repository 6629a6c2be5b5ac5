package dev.masker.domain.phi;

import static dev.masker.domain.error.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KidTest {

    @Test
    void givenAKid_keyVariable_namesItsEnvironmentVariable() {
        assertEquals("MASKER_KEY_K_HEALTHCARE", new Kid("K_HEALTHCARE").keyVariable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K_", "k_healthcare", "HEALTHCARE", "K_JANE ROE", "K_1234567890123456789012345678901"})
    void givenTextThatIsNoKid_constructor_refusesItAsAnInvalidPolicyNamingKid(String text) {
        DomainException thrown = assertRefused(ErrorCode.POLICY_YAML_INVALID, () -> new Kid(text), "JANE ROE");

        assertEquals(
                List.of("kid"),
                thrown.details().stream().map(FieldProblem::field).toList());
    }
}
