package dev.masker.domain.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatCompletionRequestTest {

    /** A Vapi-style request touching every maskable place, platform fields and fields Masker does not know. */
    private static Map<String, Object> vapiBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "gpt-4o-mini");
        body.put(
                "messages",
                List.of(
                        Map.of("role", "system", "content", "You are a scheduler."),
                        Map.of(
                                "role",
                                "user",
                                "name",
                                "jane_doe",
                                "content",
                                List.of(
                                        Map.of("type", "text", "text", "My SSN is 123-45-6789"),
                                        Map.of(
                                                "type",
                                                "image_url",
                                                "image_url",
                                                Map.of("url", "https://example.com/x.png")))),
                        Map.of(
                                "role",
                                "assistant",
                                "content",
                                "",
                                "tool_calls",
                                List.of(Map.of(
                                        "id",
                                        "call_1",
                                        "type",
                                        "function",
                                        "function",
                                        Map.of("name", "lookup", "arguments", "{\"phone\":\"415-555-0100\"}")))),
                        Map.of("role", "tool", "tool_call_id", "call_1", "content", "Found Jane Doe, DOB 1990-03-05"),
                        Map.of(
                                "role",
                                "assistant",
                                "function_call",
                                Map.of("name", "legacy", "arguments", "{\"mrn\":\"A1\"}"))));
        body.put("user", "jane@example.com");
        body.put("temperature", 0.2);
        body.put("response_format", Map.of("type", "json_object"));
        body.put("stream", true);
        body.put("call", Map.of("id", "call-123", "customer", Map.of("number", "+14155550100")));
        body.put("customer", Map.of("number", "+14155550100"));
        body.put("phoneNumber", Map.of("number", "+14155550199"));
        body.put("metadata", Map.of("patient", "Jane Doe"));
        body.put("org", Map.of("id", "org-1"));
        return body;
    }

    private static DomainException invalid(Map<String, Object> body) {
        return assertThrows(DomainException.class, () -> ChatCompletionRequest.of(body));
    }

    private static Map<String, Object> withMessages(Object messages) {
        Map<String, Object> body = new HashMap<>();
        body.put("messages", messages);
        return body;
    }

    @Test
    void givenAWellFormedBody_of_readsModelStreamAndCallId() {
        ChatCompletionRequest request = ChatCompletionRequest.of(vapiBody());

        assertEquals(Optional.of("gpt-4o-mini"), request.model());
        assertTrue(request.stream());
        assertEquals(Optional.of("call-123"), request.callId());
    }

    @Test
    void givenABodyWithoutModelStreamOrCall_of_readsNoneOfThem() {
        Map<String, Object> body = withMessages(List.of(Map.of("role", "user", "content", "hi")));
        body.put("stream", null);

        ChatCompletionRequest request = ChatCompletionRequest.of(body);

        assertEquals(Optional.empty(), request.model());
        assertFalse(request.stream());
        assertEquals(Optional.empty(), request.callId());
    }

    @Test
    void givenNoMessages_of_failsNamingMessages() {
        DomainException e = invalid(new HashMap<>());

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(
                List.of("messages"),
                e.details().stream().map(FieldProblem::field).toList());
    }

    @Test
    void givenAnEmptyOrNonArrayMessages_of_failsNamingMessages() {
        assertEquals(
                List.of("messages"),
                invalid(withMessages(List.of())).details().stream()
                        .map(FieldProblem::field)
                        .toList());
        assertEquals(
                List.of("messages"),
                invalid(withMessages("hi")).details().stream()
                        .map(FieldProblem::field)
                        .toList());
    }

    @Test
    void givenBadMessagesModelAndStream_of_namesEveryFieldAtFault() {
        List<Object> messages = new ArrayList<>();
        messages.add(Map.of("role", "user", "content", "ok"));
        messages.add("not an object");
        messages.add(Map.of("content", "no role"));
        messages.add(Map.of("role", 7));
        Map<String, Object> body = withMessages(messages);
        body.put("model", 4);
        body.put("stream", "yes");

        DomainException e = invalid(body);

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(
                List.of("messages[1]", "messages[2]", "messages[3]", "model", "stream"),
                e.details().stream().map(FieldProblem::field).toList());
    }

    @Test
    void givenAVapiBody_maskableTexts_listsEveryPhiCarryingStringInOrder() {
        // Within a message: content, then name, then tool-call arguments, then the legacy function call's.
        assertEquals(
                List.of(
                        "You are a scheduler.",
                        "My SSN is 123-45-6789",
                        "jane_doe",
                        "",
                        "{\"phone\":\"415-555-0100\"}",
                        "Found Jane Doe, DOB 1990-03-05",
                        "{\"mrn\":\"A1\"}",
                        "jane@example.com"),
                ChatCompletionRequest.of(vapiBody()).maskableTexts());
    }

    @Test
    void givenNamedMessages_participantNames_listsTheParticipantsNamesButNotAFunctions() {
        Map<String, Object> body = vapiBody();
        List<Object> messages = new ArrayList<>((List<?>) body.get("messages"));
        messages.add(Map.of("role", "function", "name", "get_slots", "content", "{\"slots\":[]}"));
        body.put("messages", messages);

        ChatCompletionRequest request = ChatCompletionRequest.of(body);

        assertEquals(Set.of(2), request.participantNames());
        assertEquals("jane_doe", request.maskableTexts().get(2));
        assertTrue(request.maskableTexts().contains("get_slots"), "a function's name is still read as text");
    }

    @Test
    void givenMaskedTexts_forUpstream_putsEachInThePlaceItsOriginalCameFrom() {
        ChatCompletionRequest request = ChatCompletionRequest.of(vapiBody());
        List<String> masked = new ArrayList<>();
        for (int i = 0; i < request.maskableTexts().size(); i++) {
            masked.add("M" + i);
        }

        Map<String, Object> upstream = request.forUpstream(masked, "gpt-4o");

        List<?> messages = (List<?>) upstream.get("messages");
        assertEquals(Map.of("role", "system", "content", "M0"), messages.get(0));
        assertEquals(
                Map.of(
                        "role",
                        "user",
                        "name",
                        "M2",
                        "content",
                        List.of(
                                Map.of("type", "text", "text", "M1"),
                                Map.of("type", "image_url", "image_url", Map.of("url", "https://example.com/x.png")))),
                messages.get(1));
        assertEquals(
                Map.of(
                        "role",
                        "assistant",
                        "content",
                        "M3",
                        "tool_calls",
                        List.of(Map.of(
                                "id",
                                "call_1",
                                "type",
                                "function",
                                "function",
                                Map.of("name", "lookup", "arguments", "M4")))),
                messages.get(2));
        assertEquals(Map.of("role", "tool", "tool_call_id", "call_1", "content", "M5"), messages.get(3));
        assertEquals(
                Map.of("role", "assistant", "function_call", Map.of("name", "legacy", "arguments", "M6")),
                messages.get(4));
        assertEquals("M7", upstream.get("user"));
    }

    @Test
    void givenAVapiBody_forUpstream_dropsPlatformFieldsSetsTheModelAndPassesUnknownFields() {
        ChatCompletionRequest request = ChatCompletionRequest.of(vapiBody());

        Map<String, Object> upstream = request.forUpstream(request.maskableTexts(), "gpt-4o");

        assertEquals(
                List.of("model", "messages", "user", "temperature", "response_format", "stream"),
                List.copyOf(upstream.keySet()));
        assertEquals("gpt-4o", upstream.get("model"));
        assertEquals(0.2, upstream.get("temperature"));
        assertEquals(Map.of("type", "json_object"), upstream.get("response_format"));
        assertEquals(true, upstream.get("stream"));
        for (String field : ChatCompletionRequest.PLATFORM_FIELDS) {
            assertFalse(upstream.containsKey(field), field);
        }
    }

    @Test
    void givenABodyWithoutModel_forUpstream_addsTheGivenModel() {
        ChatCompletionRequest request =
                ChatCompletionRequest.of(withMessages(List.of(Map.of("role", "user", "content", "hi"))));

        assertEquals("gpt-4o", request.forUpstream(List.of("hi"), "gpt-4o").get("model"));
    }

    @Test
    void givenAMutableBody_forUpstream_leavesItAsItWas() {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) mutable(vapiBody());
        ChatCompletionRequest request = ChatCompletionRequest.of(body);

        request.forUpstream(request.maskableTexts().stream().map(text -> "x").toList(), "other-model");

        assertEquals(vapiBody(), body);
        assertEquals(vapiBody().keySet(), body.keySet());
    }

    /** A deep copy made of mutable maps and lists, so that an edit in place would show. */
    static Object mutable(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, mutable(value)));
            return copy;
        }
        if (json instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(value -> copy.add(mutable(value)));
            return copy;
        }
        return json;
    }

    @Test
    void givenTooFewOrTooManyMaskedTexts_forUpstream_refuses() {
        ChatCompletionRequest request = ChatCompletionRequest.of(
                withMessages(List.of(Map.of("role", "user", "content", "a"), Map.of("role", "user", "content", "b"))));

        assertThrows(IllegalArgumentException.class, () -> request.forUpstream(List.of("a"), "m"));
        assertThrows(IllegalArgumentException.class, () -> request.forUpstream(List.of("a", "b", "c"), "m"));
    }

    @Test
    void givenACallIdOfTwoHundredPrintableCharacters_callId_takesIt() {
        String id = "c".repeat(ChatCompletionRequest.MAX_CALL_ID_LENGTH);

        assertEquals(Optional.of(id), requestWithCall(Map.of("id", id)).callId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "has space", "tab\tin", "nul\u0000", "ünïcode", "del\u007f"})
    void givenAnUnusableCallId_callId_isEmpty(String id) {
        assertEquals(Optional.empty(), requestWithCall(Map.of("id", id)).callId());
    }

    @Test
    void givenACallIdTooLongOrNotAString_callId_isEmpty() {
        assertEquals(
                Optional.empty(), requestWithCall(Map.of("id", "c".repeat(201))).callId());
        assertEquals(Optional.empty(), requestWithCall(Map.of("id", 42)).callId());
        assertEquals(Optional.empty(), requestWithCall(Map.of("callId", "abc")).callId());
        assertEquals(Optional.empty(), requestWithCall("abc").callId());
    }

    private static ChatCompletionRequest requestWithCall(Object call) {
        Map<String, Object> body = withMessages(List.of(Map.of("role", "user", "content", "hi")));
        body.put("call", call);
        return ChatCompletionRequest.of(body);
    }
}
