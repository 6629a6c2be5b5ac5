package dev.masker.domain.chat;

import static dev.masker.domain.chat.ChatTokens.FOREIGN;
import static dev.masker.domain.chat.ChatTokens.NAME;
import static dev.masker.domain.chat.ChatTokens.PHONE;
import static dev.masker.domain.chat.ChatTokens.SSN;
import static dev.masker.domain.chat.ChatTokens.originalOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.masker.domain.phi.LeakFinding;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.TokenScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatStreamRehydratorTest {
    private final ChatStreamRehydrator stream = new ChatStreamRehydrator(ChatTokens.lookup());

    /** A {@code chat.completion.chunk} with the given choices. */
    static Map<String, Object> chunk(Object... choices) {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", "chatcmpl-1");
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", 1_790_000_000);
        chunk.put("model", "gpt-4o-mini");
        chunk.put("choices", List.of(choices));
        return chunk;
    }

    static Map<String, Object> content(int index, String text) {
        return choice(index, Map.of("content", text), null);
    }

    static Map<String, Object> choice(int index, Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", index);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return choice;
    }

    static Map<String, Object> arguments(int toolIndex, String text) {
        return Map.of("index", toolIndex, "function", Map.of("arguments", text));
    }

    /** The chunk the rehydrator sends on for the upstream's, which must not be held back whole. */
    private Map<String, Object> sent(Map<String, Object> chunk) {
        return stream.accept(chunk).orElseThrow(() -> new AssertionError("the chunk was held back whole"));
    }

    private static Object delta(Map<String, Object> chunk, int position) {
        return ((Map<?, ?>) ((List<?>) chunk.get("choices")).get(position)).get("delta");
    }

    @Test
    void givenATokenSplitAcrossChunks_accept_holdsItsPrefixAndEmitsTheOriginalOnceItEnds() {
        String token = PHONE.text();

        assertEquals(Map.of("content", "Call "), delta(sent(chunk(content(0, "Call " + token.substring(0, 9)))), 0));
        assertEquals(
                Optional.empty(),
                stream.accept(chunk(content(0, token.substring(9)))),
                "a chunk whose text is all held back is not sent");
        assertEquals(Map.of("content", originalOf(PHONE) + " now."), delta(sent(chunk(content(0, " now."))), 0));
        assertEquals(1, stream.restored());
    }

    @Test
    void givenAChunk_accept_keepsEveryOtherFieldOfTheChunkAndChoice() {
        Map<String, Object> given = chunk(choice(0, Map.of("role", "assistant", "content", "Hello"), null));
        given.put("system_fingerprint", "fp_1");

        Map<String, Object> sent = sent(given);

        assertEquals(given, sent);
    }

    @Test
    void givenATokenAtTheEndOfTheStream_acceptOfTheFinishingChunk_flushesItRehydrated() {
        stream.accept(chunk(content(0, "Your SSN is " + SSN.text())));

        Map<String, Object> last = sent(chunk(choice(0, Map.of(), "stop")));

        assertEquals(chunk(choice(0, Map.of("content", originalOf(SSN)), "stop")), last);
        assertEquals(Optional.empty(), stream.finish());
    }

    @Test
    void givenTwoChoicesInterleaved_accept_rehydratesEachAsAStreamOfItsOwn() {
        String phone = PHONE.text();
        String name = NAME.text();

        Map<String, Object> first =
                sent(chunk(content(0, "A " + phone.substring(0, 10)), content(1, "B " + name.substring(0, 10))));
        Map<String, Object> second =
                sent(chunk(content(1, name.substring(10) + "!"), content(0, phone.substring(10) + "?")));

        assertEquals(Map.of("content", "A "), delta(first, 0));
        assertEquals(Map.of("content", "B "), delta(first, 1));
        assertEquals(Map.of("content", originalOf(NAME) + "!"), delta(second, 0));
        assertEquals(Map.of("content", originalOf(PHONE) + "?"), delta(second, 1));
    }

    @Test
    void givenToolCallArgumentsSplitAcrossChunks_accept_rehydratesEachCallsArgumentsOnTheirOwn() {
        String phone = PHONE.text();
        String ssn = SSN.text();
        stream.accept(chunk(choice(
                0,
                Map.of(
                        "role",
                        "assistant",
                        "tool_calls",
                        List.of(Map.of(
                                "index",
                                0,
                                "id",
                                "call_1",
                                "type",
                                "function",
                                "function",
                                Map.of("name", "book", "arguments", "{\"p\":\"" + phone.substring(0, 7))))),
                null)));
        Map<String, Object> second = sent(chunk(choice(
                0,
                Map.of(
                        "tool_calls",
                        List.of(arguments(1, "{\"s\":\"" + ssn), arguments(0, phone.substring(7) + "\"}"))),
                null)));
        Map<String, Object> last = sent(chunk(choice(0, Map.of(), "tool_calls")));

        assertEquals(
                Map.of("tool_calls", List.of(arguments(1, "{\"s\":\""), arguments(0, originalOf(PHONE) + "\"}"))),
                delta(second, 0));
        assertEquals(
                Map.of("tool_calls", List.of(Map.of("index", 1, "function", Map.of("arguments", originalOf(SSN))))),
                delta(last, 0));
        assertEquals(2, stream.restored());
    }

    @Test
    void givenFinishingChunkWithArgumentsOfTheHeldCall_accept_appendsTheRestToThatCallsEntry() {
        String ssn = SSN.text();
        stream.accept(chunk(choice(
                0, Map.of("tool_calls", List.of(arguments(0, "{\"s\":\"" + ssn.substring(0, 9)))), null)));

        Map<String, Object> last =
                sent(chunk(choice(0, Map.of("tool_calls", List.of(arguments(0, ssn.substring(9)))), "tool_calls")));

        assertEquals(
                Map.of("tool_calls", List.of(arguments(0, originalOf(SSN)))),
                delta(last, 0),
                "one entry per tool call index, holding the rest");
    }

    @Test
    void givenAStreamThatNeverFinishes_finish_sendsWhatIsHeldBackInAChunkWithoutUsage() {
        Map<String, Object> withUsage = chunk(content(0, "Hi " + NAME.text()), content(1, "Bye"));
        withUsage.put("usage", Map.of("total_tokens", 3));
        stream.accept(withUsage);

        Optional<Map<String, Object>> rest = stream.finish();

        assertEquals(Optional.of(chunk(choice(0, Map.of("content", originalOf(NAME)), null))), rest);
        assertEquals(1, stream.restored());
    }

    @Test
    void givenChunksTheUpstreamSentEmptyOrWithARoleOrAFinishReason_accept_sendsEachThoughItsTextIsHeldBack() {
        String token = NAME.text();
        Map<String, Object> role = new LinkedHashMap<>(Map.of("role", "assistant", "content", token.substring(0, 6)));
        Map<String, Object> logprobs = new LinkedHashMap<>(content(0, token.substring(6, 9)));
        logprobs.put("logprobs", Map.of("content", List.of()));
        Map<String, Object> withUsage = chunk(content(0, token.substring(9, 12)));
        withUsage.put("usage", Map.of("total_tokens", 3));

        assertEquals(Map.of("role", "assistant", "content", ""), delta(sent(chunk(choice(0, role, null))), 0));
        assertEquals(Map.of("content", ""), delta(sent(chunk(content(0, ""))), 0), "the upstream's own empty delta");
        assertEquals(Map.of("content", ""), delta(sent(chunk(logprobs)), 0));
        assertEquals(Map.of("content", ""), delta(sent(withUsage), 0));
        assertEquals(
                Map.of("content", originalOf(NAME)),
                delta(sent(chunk(choice(0, Map.of("content", token.substring(12)), "stop"))), 0));
    }

    @Test
    void givenToolCallArgumentsAllHeldBack_accept_sendsNothingUnlessTheCallCarriesItsIdOrName() {
        String ssn = SSN.text();

        Map<String, Object> opening = Map.of(
                "index",
                0,
                "id",
                "call_1",
                "type",
                "function",
                "function",
                Map.of("name", "book", "arguments", ssn.substring(0, 5)));

        assertEquals(
                Map.of(
                        "tool_calls",
                        List.of(Map.of(
                                "index",
                                0,
                                "id",
                                "call_1",
                                "type",
                                "function",
                                "function",
                                Map.of("name", "book", "arguments", "")))),
                delta(sent(chunk(choice(0, Map.of("tool_calls", List.of(opening)), null))), 0));
        assertEquals(
                Optional.empty(),
                stream.accept(chunk(choice(
                        0, Map.of("tool_calls", List.of(arguments(0, ssn.substring(5, 9)))), null))));
        assertEquals(
                Map.of("tool_calls", List.of(arguments(0, originalOf(SSN)))),
                delta(
                        sent(chunk(choice(
                                0, Map.of("tool_calls", List.of(arguments(0, ssn.substring(9)))), "tool_calls"))),
                        0));
    }

    @Test
    void givenNothingHeldBack_finish_isEmpty() {
        stream.accept(chunk(content(0, "No tokens here.")));

        assertEquals(Optional.empty(), stream.finish());
    }

    @Test
    void givenAUsageOnlyChunk_accept_passesItThroughUntouched() {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("id", "chatcmpl-1");
        usage.put("choices", List.of());
        usage.put("usage", Map.of("prompt_tokens", 1, "completion_tokens", 2, "total_tokens", 3));

        assertSame(usage, sent(usage));
    }

    @Test
    void givenAForeignToken_accept_leavesItAndReportsAFinding() {
        Map<String, Object> sent = sent(chunk(choice(0, Map.of("content", "MRN " + FOREIGN.text() + " ok"), "stop")));

        assertEquals(Map.of("content", "MRN " + FOREIGN.text() + " ok"), delta(sent, 0));
        assertEquals(List.of(LeakFinding.foreignOrForged(TokenScheme.MSKV1, PhiKind.MRN)), stream.findings());
        assertEquals(0, stream.restored());
    }
}
