package dev.masker.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentIdTest {
    private static final String ULID = "01JD8Q2W3E4R5T6Y7V8X9Z0P1A";

    @Test
    void givenAgtAndAValidUlid_parse_givesTheIdWithTheSameText() {
        Optional<AgentId> id = AgentId.parse("agt_" + ULID);

        assertTrue(id.isPresent());
        assertEquals("agt_" + ULID, id.get().value());
        assertEquals(ULID, id.get().ulid().value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                ULID, // no prefix
                "agt_", // prefix only
                "AGT_" + ULID, // prefix in upper case
                "agt-" + ULID, // wrong separator
                "sess_" + ULID, // another kind of id
                "agt_01jd8q2w3e4r5t6y7v8x9z0p1a", // lower-case ULID
                "agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1", // 25 characters
                "agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1AB", // 27 characters
                "agt_81JD8Q2W3E4R5T6Y7V8X9Z0P1A", // first character above 7
                "agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1U", // U is not Crockford base32
                "agt_" + ULID + " ", // trailing space
                "agt_../../etc/passwd"
            })
    void givenTextThatIsNotAnAgentId_parse_givesEmpty(String text) {
        assertTrue(AgentId.parse(text).isEmpty());
    }
}
