package dev.masker.domain.agent;

import static dev.masker.domain.error.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Front desk", "Clínica São José", "受付アシスタント", "Dr. Smith's scheduler (v2)"})
    void givenAnOrdinaryName_problemWith_findsNone(String name) {
        assertNull(AgentName.problemWith(name));
        assertEquals(name, new AgentName(name).value());
    }

    @Test
    void givenExactly64Characters_problemWith_findsNone() {
        assertNull(AgentName.problemWith("n".repeat(64)));
    }

    @Test
    void given64CharactersOutsideTheBasicPlane_problemWith_countsCodePointsNotUtf16Units() {
        // Each emoji is two UTF-16 units: 128 units, 64 characters.
        assertNull(AgentName.problemWith("\uD83D\uDE00".repeat(64)));
        assertEquals("must be at most 64 characters", AgentName.problemWith("\uD83D\uDE00".repeat(65)));
    }

    @Test
    void given65Characters_problemWith_saysItIsTooLong() {
        assertEquals("must be at most 64 characters", AgentName.problemWith("n".repeat(65)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \n"})
    void givenBlankText_problemWith_saysItMustNotBeBlank(String text) {
        assertEquals("must not be blank", AgentName.problemWith(text));
    }

    @Test
    void givenNull_problemWith_saysItMustNotBeBlank() {
        assertEquals("must not be blank", AgentName.problemWith(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"front\ndesk", "front\u0000desk", "desk\u007f", "a\u0085b"})
    void givenAControlCharacter_problemWith_rejectsIt(String text) {
        assertEquals("must not contain control characters", AgentName.problemWith(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {" front desk", "front desk ", "front desk\u2003"})
    void givenLeadingOrTrailingWhiteSpace_problemWith_rejectsIt(String text) {
        assertEquals("must not start or end with white space", AgentName.problemWith(text));
    }

    @Test
    void givenAnInvalidName_constructor_refusesItAsValidationFailedNamingTheField() {
        DomainException thrown =
                assertRefused(ErrorCode.VALIDATION_FAILED, () -> new AgentName(" Dr. Jane Roe"), "Jane Roe");

        assertEquals(List.of(new FieldProblem("name", "must not start or end with white space")), thrown.details());
    }

    @Test
    void givenATooLongName_constructor_refusesItWithoutRepeatingIt() {
        String name = "Scheduler for Jane Roe " + "x".repeat(64);

        assertRefused(ErrorCode.VALIDATION_FAILED, () -> new AgentName(name), name, "Jane Roe");
    }
}
