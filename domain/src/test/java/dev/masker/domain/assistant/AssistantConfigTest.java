package dev.masker.domain.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssistantConfigTest {
    private static final URI PROXY =
            URI.create("https://masker.example.com/proxy/agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A/v1/chat/completions");

    private static AssistantConfig defaults() {
        return AssistantConfig.of(Map.of(
                "firstMessage", "Hello, this is the front desk.",
                "model",
                        Map.of(
                                "provider",
                                "openai",
                                "model",
                                "gpt-4o-mini",
                                "temperature",
                                0.3,
                                "messages",
                                List.of(Map.of("role", "system", "content", "You book appointments."))),
                "voice", Map.of("provider", "11labs", "voiceId", "rachel", "stability", 0.5),
                "endCallPhrases", List.of("goodbye", "bye"),
                "maxDurationSeconds", 600));
    }

    @Test
    void givenOverridesWithNestedObjects_mergedWith_mergesObjectsKeyByKey() {
        AssistantConfig merged = defaults()
                .mergedWith(AssistantConfig.of(Map.of(
                        "voice", Map.of("voiceId", "elliot"),
                        "model", Map.of("temperature", 0.9))));

        Map<?, ?> voice = (Map<?, ?>) merged.asMap().get("voice");
        assertEquals("elliot", voice.get("voiceId"));
        assertEquals("11labs", voice.get("provider"), "keys the override does not name stay");
        assertEquals(0.5, voice.get("stability"));
        Map<?, ?> model = (Map<?, ?>) merged.asMap().get("model");
        assertEquals(0.9, model.get("temperature"));
        assertEquals("gpt-4o-mini", model.get("model"));
        assertEquals(1, ((List<?>) model.get("messages")).size());
        assertEquals("Hello, this is the front desk.", merged.asMap().get("firstMessage"));
    }

    @Test
    void givenAnArrayOverride_mergedWith_replacesTheArrayInsteadOfConcatenating() {
        AssistantConfig merged = defaults()
                .mergedWith(AssistantConfig.of(Map.of(
                        "endCallPhrases", List.of("see you"),
                        "model", Map.of("messages", List.of()))));

        assertEquals(List.of("see you"), merged.asMap().get("endCallPhrases"));
        assertEquals(List.of(), ((Map<?, ?>) merged.asMap().get("model")).get("messages"));
    }

    @Test
    void givenScalarOverrides_mergedWith_replacesThemAndAddsNewKeys() {
        AssistantConfig merged = defaults()
                .mergedWith(AssistantConfig.of(
                        Map.of("firstMessage", "Hi Ana!", "maxDurationSeconds", 120, "silenceTimeoutSeconds", 30)));

        assertEquals("Hi Ana!", merged.asMap().get("firstMessage"));
        assertEquals(120, merged.asMap().get("maxDurationSeconds"));
        assertEquals(30, merged.asMap().get("silenceTimeoutSeconds"));
    }

    @Test
    void givenAScalarOverridingAnObjectAndAnObjectOverridingAScalar_mergedWith_replacesEachWhole() {
        AssistantConfig merged = defaults()
                .mergedWith(AssistantConfig.of(Map.of("voice", "default", "firstMessage", Map.of("text", "Hi"))));

        assertEquals("default", merged.asMap().get("voice"));
        assertEquals(Map.of("text", "Hi"), merged.asMap().get("firstMessage"));
    }

    @Test
    void givenANullOverride_mergedWith_replacesTheValueWithNull() {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("voice", null);

        AssistantConfig merged = defaults().mergedWith(AssistantConfig.of(overrides));

        assertTrue(merged.asMap().containsKey("voice"));
        assertEquals(null, merged.asMap().get("voice"));
    }

    @Test
    void givenTwoConfigs_mergedWith_changesNeitherOfThem() {
        AssistantConfig base = defaults();
        AssistantConfig overrides = AssistantConfig.of(Map.of("voice", Map.of("voiceId", "elliot")));

        base.mergedWith(overrides);

        assertEquals(defaults(), base);
        assertEquals("rachel", ((Map<?, ?>) base.asMap().get("voice")).get("voiceId"));
        assertEquals(AssistantConfig.of(Map.of("voice", Map.of("voiceId", "elliot"))), overrides);
    }

    @Test
    void givenNoOverrides_mergedWith_givesAnEqualConfig() {
        assertEquals(defaults(), defaults().mergedWith(AssistantConfig.empty()));
    }

    @Test
    void givenAConfig_asMap_cannotBeChangedAtAnyDepth() {
        AssistantConfig config = defaults();
        Map<String, Object> tree = config.asMap();
        Map<?, ?> model = (Map<?, ?>) tree.get("model");
        @SuppressWarnings("unchecked")
        Map<String, Object> voice = (Map<String, Object>) tree.get("voice");
        @SuppressWarnings("unchecked")
        List<Object> phrases = (List<Object>) tree.get("endCallPhrases");
        @SuppressWarnings("unchecked")
        Map<String, Object> systemMessage = (Map<String, Object>) ((List<?>) model.get("messages")).get(0);

        assertThrows(UnsupportedOperationException.class, () -> tree.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> voice.put("voiceId", "x"));
        assertThrows(UnsupportedOperationException.class, () -> phrases.add("x"));
        assertThrows(UnsupportedOperationException.class, () -> systemMessage.put("content", "x"));
        assertThrows(
                UnsupportedOperationException.class,
                () -> config.mergedWith(AssistantConfig.empty()).asMap().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> config.routedThroughProxy(PROXY, "gpt-4o-mini").asMap().remove("model"));
    }

    @Test
    void givenTheSourceMapChangesAfterwards_of_keepsTheConfigAsItWas() {
        List<Object> phrases = new ArrayList<>(List.of("bye"));
        Map<String, Object> voice = new LinkedHashMap<>(Map.of("voiceId", "rachel"));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("voice", voice);
        source.put("endCallPhrases", phrases);
        AssistantConfig config = AssistantConfig.of(source);

        source.put("firstMessage", "added later");
        voice.put("voiceId", "changed");
        phrases.add("later");

        assertFalse(config.asMap().containsKey("firstMessage"));
        assertEquals("rachel", ((Map<?, ?>) config.asMap().get("voice")).get("voiceId"));
        assertEquals(List.of("bye"), config.asMap().get("endCallPhrases"));
    }

    @Test
    void givenAValueThatIsNotJson_of_rejectsIt() {
        assertThrows(IllegalArgumentException.class, () -> AssistantConfig.of(Map.of("when", new Object())));
        assertThrows(IllegalArgumentException.class, () -> AssistantConfig.of(Map.of("nested", Map.of(1, "x"))));
        assertThrows(NullPointerException.class, () -> AssistantConfig.of(null));
    }

    @Test
    void givenDefaultsNamingAnotherProviderAndUrl_routedThroughProxy_pointsTheModelAtMaskersProxy() {
        AssistantConfig config = AssistantConfig.of(
                Map.of("model", Map.of("provider", "openai", "url", "https://api.openai.com/v1", "model", "gpt-4o")));

        Map<?, ?> model = (Map<?, ?>)
                config.routedThroughProxy(PROXY, "gpt-4o-mini").asMap().get("model");

        assertEquals("custom-llm", model.get("provider"));
        assertEquals(PROXY.toString(), model.get("url"));
        assertEquals("gpt-4o", model.get("model"), "the configured model is kept");
    }

    @Test
    void givenCallbackOverridesThatTryToRouteAroundTheProxy_routedThroughProxy_stillPointsAtTheProxy() {
        AssistantConfig merged = defaults()
                .mergedWith(AssistantConfig.of(Map.of(
                        "model",
                        Map.of("provider", "anthropic", "url", "https://evil.example.com/v1/chat/completions"))));

        Map<?, ?> model = (Map<?, ?>)
                merged.routedThroughProxy(PROXY, "gpt-4o-mini").asMap().get("model");

        assertEquals("custom-llm", model.get("provider"));
        assertEquals(PROXY.toString(), model.get("url"));
        assertEquals(0.3, model.get("temperature"), "other model fields pass through");
        assertEquals(1, ((List<?>) model.get("messages")).size());
    }

    @Test
    void givenAModelWithoutAModelName_routedThroughProxy_usesTheDefaultModel() {
        AssistantConfig config = AssistantConfig.of(Map.of("model", Map.of("temperature", 0.2)));

        AssistantConfig routed = config.routedThroughProxy(PROXY, "gpt-4o-mini");

        assertEquals("gpt-4o-mini", routed.modelName());
        assertEquals(0.2, ((Map<?, ?>) routed.asMap().get("model")).get("temperature"));
    }

    @Test
    void givenABlankOrNonTextModelName_routedThroughProxy_usesTheDefaultModel() {
        assertEquals(
                "gpt-4o-mini",
                AssistantConfig.of(Map.of("model", Map.of("model", " ")))
                        .routedThroughProxy(PROXY, "gpt-4o-mini")
                        .modelName());
        assertEquals(
                "gpt-4o-mini",
                AssistantConfig.of(Map.of("model", Map.of("model", 4)))
                        .routedThroughProxy(PROXY, "gpt-4o-mini")
                        .modelName());
    }

    @Test
    void givenNoModel_routedThroughProxy_addsAModelPointingAtTheProxy() {
        AssistantConfig routed =
                AssistantConfig.of(Map.of("firstMessage", "Hi")).routedThroughProxy(PROXY, "gpt-4o-mini");

        assertEquals(
                Map.of("provider", "custom-llm", "url", PROXY.toString(), "model", "gpt-4o-mini"),
                routed.asMap().get("model"));
        assertEquals("Hi", routed.asMap().get("firstMessage"));
    }

    @Test
    void givenAModelThatIsNotAnObject_routedThroughProxy_replacesItWithOnePointingAtTheProxy() {
        for (Object notAnObject : List.of("gpt-4o", 42, List.of("gpt-4o"), true)) {
            AssistantConfig routed =
                    AssistantConfig.of(Map.of("model", notAnObject)).routedThroughProxy(PROXY, "gpt-4o-mini");

            assertEquals(
                    Map.of("provider", "custom-llm", "url", PROXY.toString(), "model", "gpt-4o-mini"),
                    routed.asMap().get("model"),
                    String.valueOf(notAnObject));
        }
    }

    @Test
    void givenAConfig_routedThroughProxy_leavesTheOriginalUntouched() {
        AssistantConfig config = defaults();

        AssistantConfig routed = config.routedThroughProxy(PROXY, "gpt-4o-mini");

        assertEquals("openai", ((Map<?, ?>) config.asMap().get("model")).get("provider"));
        assertNotEquals(config, routed);
    }

    @Test
    void givenAModelName_modelName_readsItElseGivesTheEmptyString() {
        assertEquals("gpt-4o-mini", defaults().modelName());
        assertEquals("", AssistantConfig.empty().modelName());
        assertEquals("", AssistantConfig.of(Map.of("model", "gpt-4o")).modelName());
    }

    @Test
    void givenAConfigWithAPrompt_toString_neverShowsItsContent() {
        String text = defaults().toString();

        assertFalse(text.contains("front desk"));
        assertFalse(text.contains("appointments"));
    }
}
