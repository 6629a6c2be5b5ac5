package dev.masker.domain.vapi;

import static dev.masker.domain.error.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallIdTest {

    @Test
    void givenVapisCallId_constructor_keepsIt() {
        assertEquals(
                "5f1c1f1e-3d1a-4e0b-9a51-0c2f6a7d9e11", new CallId("5f1c1f1e-3d1a-4e0b-9a51-0c2f6a7d9e11").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "call\nfor Jane Roe", "lone \uD800 surrogate"})
    void givenTextThatIsNoCallId_constructor_refusesItAsValidationFailedOfCallId(String text) {
        DomainException thrown = assertRefused(ErrorCode.VALIDATION_FAILED, () -> new CallId(text), "Jane Roe");

        assertEquals(
                List.of("call.id"),
                thrown.details().stream().map(FieldProblem::field).toList());
    }

    @Test
    void givenMoreThan200Characters_constructor_refusesItWithoutShowingIt() {
        String text = "Jane Roe ".repeat(30);

        assertRefused(ErrorCode.VALIDATION_FAILED, () -> new CallId(text), text, "Jane Roe");
    }
}
