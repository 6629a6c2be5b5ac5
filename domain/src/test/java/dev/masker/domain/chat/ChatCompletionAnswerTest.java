package dev.masker.domain.chat;

import static dev.masker.domain.chat.ChatTokens.EMAIL;
import static dev.masker.domain.chat.ChatTokens.FOREIGN;
import static dev.masker.domain.chat.ChatTokens.NAME;
import static dev.masker.domain.chat.ChatTokens.PHONE;
import static dev.masker.domain.chat.ChatTokens.SSN;
import static dev.masker.domain.chat.ChatTokens.originalOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.domain.phi.LeakFinding;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.TokenScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatCompletionAnswerTest {
    private final ChatCompletionAnswer answer = new ChatCompletionAnswer(ChatTokens.lookup());

    private static Map<String, Object> completion(Object... choices) {
        Map<String, Object> completion = new LinkedHashMap<>();
        completion.put("id", "chatcmpl-1");
        completion.put("object", "chat.completion");
        completion.put("choices", List.of(choices));
        completion.put("usage", Map.of("prompt_tokens", 12, "completion_tokens", 5, "total_tokens", 17));
        completion.put("system_fingerprint", "fp_1");
        return completion;
    }

    private static Map<String, Object> choice(int index, Map<String, Object> message) {
        return Map.of("index", index, "message", message, "finish_reason", "stop", "logprobs", "unknown-field");
    }

    @Test
    void givenContentWithTokens_rehydrate_putsTheOriginalsBackAndKeepsEveryOtherField() {
        Map<String, Object> given = completion(choice(
                0,
                Map.of(
                        "role",
                        "assistant",
                        "content",
                        "Hi " + NAME.text() + ", we will call " + PHONE.text() + ".",
                        "refusal",
                        "none")));

        Map<String, Object> back = answer.rehydrate(given);

        assertEquals(
                completion(choice(
                        0,
                        Map.of(
                                "role",
                                "assistant",
                                "content",
                                "Hi " + originalOf(NAME) + ", we will call " + originalOf(PHONE) + ".",
                                "refusal",
                                "none"))),
                back);
        assertEquals(2, answer.restored());
        assertEquals(List.of(), answer.findings());
    }

    @Test
    void givenContentParts_rehydrate_putsTheOriginalsIntoEachTextPart() {
        Map<String, Object> given = completion(choice(
                0,
                Map.of(
                        "role",
                        "assistant",
                        "content",
                        List.of(
                                Map.of("type", "text", "text", "Email " + EMAIL.text()),
                                Map.of(
                                        "type",
                                        "image_url",
                                        "image_url",
                                        Map.of("url", "https://example.com/" + SSN.text())),
                                Map.of("type", "text", "text", SSN.text())))));

        Map<String, Object> back = answer.rehydrate(given);

        assertEquals(
                completion(choice(
                        0,
                        Map.of(
                                "role",
                                "assistant",
                                "content",
                                List.of(
                                        Map.of("type", "text", "text", "Email " + originalOf(EMAIL)),
                                        Map.of(
                                                "type",
                                                "image_url",
                                                "image_url",
                                                Map.of("url", "https://example.com/" + SSN.text())),
                                        Map.of("type", "text", "text", originalOf(SSN)))))),
                back);
        assertEquals(2, answer.restored());
    }

    @Test
    void givenToolCallsAndALegacyFunctionCall_rehydrate_putsTheOriginalsIntoTheirArguments() {
        Map<String, Object> given = completion(choice(
                0,
                Map.of(
                        "role",
                        "assistant",
                        "tool_calls",
                        List.of(
                                Map.of(
                                        "id",
                                        "call_1",
                                        "type",
                                        "function",
                                        "function",
                                        Map.of("name", "book", "arguments", "{\"phone\":\"" + PHONE.text() + "\"}")),
                                Map.of("id", "call_2", "type", "function", "function", Map.of("name", "noop"))),
                        "function_call",
                        Map.of("name", "legacy", "arguments", "{\"name\":\"" + NAME.text() + "\"}"))));

        Map<String, Object> back = answer.rehydrate(given);

        assertEquals(
                completion(choice(
                        0,
                        Map.of(
                                "role",
                                "assistant",
                                "tool_calls",
                                List.of(
                                        Map.of(
                                                "id",
                                                "call_1",
                                                "type",
                                                "function",
                                                "function",
                                                Map.of(
                                                        "name",
                                                        "book",
                                                        "arguments",
                                                        "{\"phone\":\"" + originalOf(PHONE) + "\"}")),
                                        Map.of("id", "call_2", "type", "function", "function", Map.of("name", "noop"))),
                                "function_call",
                                Map.of("name", "legacy", "arguments", "{\"name\":\"" + originalOf(NAME) + "\"}")))),
                back);
        assertEquals(2, answer.restored());
    }

    @Test
    void givenSeveralChoicesAndAForeignToken_rehydrate_restoresOwnTokensAndCountsTheForeignOne() {
        Map<String, Object> given = completion(
                choice(0, Map.of("role", "assistant", "content", SSN.text())),
                choice(
                        1,
                        Map.of(
                                "role",
                                "assistant",
                                "content",
                                "Your MRN is " + FOREIGN.text() + ", SSN " + SSN.text())));

        Map<String, Object> back = answer.rehydrate(given);

        assertEquals(
                completion(
                        choice(0, Map.of("role", "assistant", "content", originalOf(SSN))),
                        choice(
                                1,
                                Map.of(
                                        "role",
                                        "assistant",
                                        "content",
                                        "Your MRN is " + FOREIGN.text() + ", SSN " + originalOf(SSN)))),
                back);
        assertEquals(2, answer.restored());
        assertEquals(List.of(LeakFinding.foreignOrForged(TokenScheme.MSKV1, PhiKind.MRN)), answer.findings());
    }

    @Test
    void givenAnAnswerWithoutChoicesOrMessages_rehydrate_passesItThrough() {
        Map<String, Object> noChoices = Map.of("object", "chat.completion", "content", PHONE.text());
        Map<String, Object> noMessage = completion(Map.of("index", 0, "text", PHONE.text()), "not a choice");

        assertEquals(noChoices, answer.rehydrate(noChoices));
        assertEquals(noMessage, answer.rehydrate(noMessage));
        assertEquals(0, answer.restored());
    }

    @Test
    void givenAMutableAnswer_rehydrate_leavesItAsItWas() {
        Map<String, Object> original = completion(choice(
                0,
                Map.of(
                        "role",
                        "assistant",
                        "content",
                        PHONE.text(),
                        "tool_calls",
                        List.of(Map.of(
                                "id",
                                "c",
                                "type",
                                "function",
                                "function",
                                Map.of("name", "f", "arguments", NAME.text()))))));
        @SuppressWarnings("unchecked")
        Map<String, Object> given = (Map<String, Object>) ChatCompletionRequestTest.mutable(original);

        answer.rehydrate(given);

        assertEquals(original, given);
    }
}
