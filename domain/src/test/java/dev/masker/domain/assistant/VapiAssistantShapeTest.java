package dev.masker.domain.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.assistant.VapiAssistantShape.JsonType;
import dev.masker.domain.error.FieldProblem;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VapiAssistantShapeTest {
    private static final VapiAssistantShape VAPI = VapiAssistantShape.vapi();

    private static List<FieldProblem> problemsOf(Map<String, ?> assistant) {
        return VAPI.problemsOf(AssistantConfig.of(assistant));
    }

    @Test
    void givenAMisspelledField_problemsOf_namesItAndSuggestsTheNearestField() {
        assertEquals(
                List.of(new FieldProblem(
                        "firstMesage", "is not a field of Vapi's assistant; did you mean \"firstMessage\"?")),
                problemsOf(Map.of("firstMesage", "Hello, this is the front desk.")));
    }

    @Test
    void givenAFieldInTheWrongCaseOrWithSwappedLetters_problemsOf_suggestsTheFieldItMeant() {
        assertEquals(
                List.of(new FieldProblem(
                        "ServerMessages", "is not a field of Vapi's assistant; did you mean \"serverMessages\"?")),
                problemsOf(Map.of("ServerMessages", List.of("end-of-call-report"))));
        assertEquals(
                List.of(new FieldProblem(
                        "viocemailMessage", "is not a field of Vapi's assistant; did you mean \"voicemailMessage\"?")),
                problemsOf(Map.of("viocemailMessage", "Please call back.")));
    }

    @Test
    void givenAFieldNoVapiFieldIsCloseTo_problemsOf_namesItWithoutASuggestion() {
        assertEquals(
                List.of(new FieldProblem("clinicCostCenter", "is not a field of Vapi's assistant")),
                problemsOf(Map.of("clinicCostCenter", "north")));
    }

    @Test
    void givenAFieldOfVapisAssistantOverridesOnly_problemsOf_refusesIt() {
        // Masker answers with `assistant` alone, where Vapi takes no variableValues (they belong to
        // assistantOverrides).
        assertEquals(
                List.of(new FieldProblem("variableValues", "is not a field of Vapi's assistant")),
                problemsOf(Map.of("variableValues", Map.of("clinic", "Sunrise"))));
    }

    @Test
    void givenANestedFieldNameAtTheTopLevel_problemsOf_refusesItThoughTheListHasTheModelsFields() {
        assertTrue(VAPI.fields().containsKey("model.url"));
        assertEquals(
                List.of(new FieldProblem("model.url", "is not a field of Vapi's assistant")),
                problemsOf(Map.of("model.url", "https://llm.example.com")));
    }

    @Test
    void givenAVeryLongUnknownName_problemsOf_capsTheNameItEchoes() {
        String name = "x".repeat(300);

        FieldProblem problem = problemsOf(Map.of(name, 1)).getFirst();

        assertEquals("x".repeat(64) + "…", problem.field());
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("voice", "rachel", "must be an object"),
                Arguments.of("endCallPhrases", "goodbye", "must be an array"),
                Arguments.of("firstMessage", 42, "must be a string"),
                Arguments.of("firstMessageMode", List.of("assistant-speaks-first"), "must be a string"),
                Arguments.of("maxDurationSeconds", "600", "must be a number"),
                Arguments.of("modelOutputInMessagesEnabled", "yes", "must be a boolean"),
                Arguments.of("metadata", List.of(), "must be an object"),
                Arguments.of("voicemailDetection", true, "must be an object or a string"));
    }

    @ParameterizedTest(name = "{0} given {1}")
    @MethodSource("wrongTypes")
    void givenAValueOfTheWrongType_problemsOf_namesTheTypesTheFieldTakes(String field, Object value, String problem) {
        assertEquals(List.of(new FieldProblem(field, problem)), problemsOf(Map.of(field, value)));
    }

    @Test
    void givenNullForAKnownField_problemsOf_asksForTheFieldToBeLeftOut() {
        Map<String, Object> assistant = new HashMap<>();
        assistant.put("firstMessage", null);

        assertEquals(
                List.of(new FieldProblem(
                        "firstMessage", "must be a string (leave the field out rather than send null)")),
                problemsOf(assistant));
    }

    @Test
    void givenNullForAnUnknownField_problemsOf_reportsTheUnknownNameOnly() {
        Map<String, Object> assistant = new HashMap<>();
        assistant.put("firstMesage", null);

        assertEquals(
                List.of(new FieldProblem(
                        "firstMesage", "is not a field of Vapi's assistant; did you mean \"firstMessage\"?")),
                problemsOf(assistant));
    }

    @Test
    void givenSeveralBadFields_problemsOf_reportsEachOnce() {
        Map<String, Object> assistant = new LinkedHashMap<>();
        assistant.put("firstMesage", "Hi");
        assistant.put("voice", "rachel");
        assistant.put("model", Map.of("provider", "openai"));

        assertEquals(
                List.of("firstMesage", "voice"),
                problemsOf(assistant).stream().map(FieldProblem::field).toList());
    }

    @Test
    void givenARealisticAssistant_problemsOf_findsNone() {
        Map<String, Object> assistant = new LinkedHashMap<>();
        assistant.put("name", "Front desk");
        assistant.put("firstMessage", "Sunrise Clinic, how can I help?");
        assistant.put("firstMessageMode", "assistant-speaks-first");
        assistant.put(
                "model",
                Map.of(
                        "provider",
                        "openai",
                        "model",
                        "gpt-4o-mini",
                        "temperature",
                        0.3,
                        "messages",
                        List.of(Map.of("role", "system", "content", "You book appointments."))));
        assistant.put("voice", Map.of("provider", "11labs", "voiceId", "rachel"));
        assistant.put("transcriber", Map.of("provider", "deepgram", "model", "nova-2"));
        assistant.put("voicemailDetection", "off");
        assistant.put("serverMessages", List.of("end-of-call-report", "tool-calls"));
        assistant.put("maxDurationSeconds", 600);
        assistant.put("endCallPhrases", List.of("goodbye"));
        assistant.put("backgroundSound", "office");
        assistant.put("metadata", Map.of("clinic", "north"));
        assistant.put("modelOutputInMessagesEnabled", false);

        assertEquals(List.of(), problemsOf(assistant));
    }

    @Test
    void givenEveryTopLevelFieldWithAValueOfEachTypeItTakes_problemsOf_findsNone() {
        Map<JsonType, Object> samples = Map.of(
                JsonType.OBJECT,
                Map.of(),
                JsonType.ARRAY,
                List.of(),
                JsonType.STRING,
                "text",
                JsonType.NUMBER,
                1.5,
                JsonType.BOOLEAN,
                true);
        int checked = 0;
        for (Map.Entry<String, Set<JsonType>> field : VAPI.fields().entrySet()) {
            if (field.getKey().contains(".")) {
                continue;
            }
            for (JsonType type : field.getValue()) {
                assertEquals(List.of(), problemsOf(Map.of(field.getKey(), samples.get(type))), field.getKey());
                checked++;
            }
        }
        assertTrue(checked >= 31, "every field of the list was tried: " + checked);
    }

    @Test
    void givenTheList_itHoldsVapisAssistantFieldsEachWithAType() {
        long topLevel = VAPI.fields().keySet().stream()
                .filter(name -> !name.contains("."))
                .count();

        assertEquals(31, topLevel, "CreateAssistantDto of @vapi-ai/server-sdk 2.0.1 has 31 fields");
        assertEquals(Set.of(JsonType.STRING), VAPI.fields().get("firstMessage"));
        assertEquals(Set.of(JsonType.OBJECT, JsonType.STRING), VAPI.fields().get("voicemailDetection"));
        assertTrue(VAPI.fields().values().stream().noneMatch(Set::isEmpty));
    }

    @Test
    void givenTheAssistantMaskerAnswersWith_everyFieldItReadsOrRewrites_isVapisWithTheTypeMaskerGivesIt() {
        // Masker reads model, model.model and model.headers, and writes model.provider, model.url, model.model and
        // model.headers (AssistantConfig.routedThroughProxy): each must be a field of Vapi's, of the type Masker uses.
        URI proxy = URI.create("https://masker.example.com/proxy/agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A/v1/chat/completions");
        AssistantConfig configured = AssistantConfig.of(Map.of(
                "firstMessage",
                "Hi",
                "model",
                Map.of("provider", "openai", "model", "gpt-4o", "headers", Map.of("X-Clinic", "north"))));
        for (AssistantConfig routed : List.of(
                AssistantConfig.empty().routedThroughProxy(proxy, "gpt-4o-mini", Optional.of("mpk_key")),
                configured.routedThroughProxy(proxy, "gpt-4o-mini", Optional.of("mpk_key")))) {
            Map<?, ?> model = (Map<?, ?>) routed.asMap().get("model");
            assertEquals(Set.of("provider", "url", "model", "headers"), model.keySet());
            routed.asMap().forEach(VapiAssistantShapeTest::assertFieldOfVapis);
            model.forEach((key, value) -> assertFieldOfVapis("model." + key, value));
            assertEquals(List.of(), VAPI.problemsOf(routed), "Masker's own answer passes the check");
        }
        assertFieldOfVapis("model.model", configured.modelName());
    }

    private static void assertFieldOfVapis(String path, Object value) {
        Set<JsonType> types = VAPI.fields().get(path);
        assertNotNull(types, path + " is a field of Vapi's assistant");
        assertTrue(types.contains(JsonType.of(value).orElseThrow()), path + " takes " + JsonType.of(value));
    }

    @Test
    void givenTwoWords_editDistance_countsASwapOfNeighboursAsOneEdit() {
        assertEquals(1, VapiAssistantShape.editDistance("fristmessage", "firstmessage"));
        assertEquals(1, VapiAssistantShape.editDistance("firstmesage", "firstmessage"));
        assertEquals(0, VapiAssistantShape.editDistance("voice", "voice"));
        assertEquals(5, VapiAssistantShape.editDistance("", "voice"));
    }
}
