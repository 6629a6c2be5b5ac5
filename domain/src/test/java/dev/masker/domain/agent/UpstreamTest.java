package dev.masker.domain.agent;

import static dev.masker.domain.error.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UpstreamTest {

    @Test
    void givenOpenAiWithAModel_parse_givesTheOpenAiProviderAndTheModel() {
        Upstream upstream = Upstream.parse("openai:gpt-4o-mini").orElseThrow();

        assertEquals(Upstream.Provider.OPENAI, upstream.provider());
        assertEquals("gpt-4o-mini", upstream.model());
        assertEquals("openai:gpt-4o-mini", upstream.value());
    }

    @Test
    void givenAnotherOpenAiModel_parse_keepsItsName() {
        assertEquals(Optional.of(new Upstream(Upstream.Provider.OPENAI, "gpt-4o")), Upstream.parse("openai:gpt-4o"));
    }

    @Test
    void givenStub_parse_givesTheStubUpstream() {
        Upstream upstream = Upstream.parse("stub").orElseThrow();

        assertEquals(Upstream.Provider.STUB, upstream.provider());
        assertEquals("stub", upstream.value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "anthropic:claude",
                "openai:",
                "openai",
                "OPENAI:gpt-4o",
                "Stub",
                "stub ",
                " openai:gpt-4o",
                "openai:gpt 4o",
                "openai:-gpt",
                "gpt-4o-mini"
            })
    void givenAnUnknownUpstream_parse_givesEmpty(String text) {
        assertTrue(Upstream.parse(text).isEmpty(), String.valueOf(text));
    }

    @Test
    void givenAModelNameOfMoreThan100Characters_parse_givesEmpty() {
        assertTrue(Upstream.parse("openai:" + "m".repeat(101)).isEmpty());
        assertTrue(Upstream.parse("openai:" + "m".repeat(100)).isPresent());
    }

    @Test
    void givenABadModelName_constructor_refusesItAsAnUnknownUpstream() {
        assertRefused(ErrorCode.UNKNOWN_UPSTREAM, () -> new Upstream(Upstream.Provider.OPENAI, "gpt 4o"), "gpt 4o");
    }
}
