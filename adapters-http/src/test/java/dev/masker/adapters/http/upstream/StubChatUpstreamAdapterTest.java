package dev.masker.adapters.http.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.agent.Upstream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StubChatUpstreamAdapterTest {
    private static final Upstream STUB = new Upstream(Upstream.Provider.STUB, "stub");
    private static final String NAME = "MSKV1.NAME.K_HEALTHCARE.MFRGGZDFMZTWQ2LK";
    private static final String PHONE = "MSKV1.PHONE.K_HEALTHCARE.ONSWG4TFOQQGC3DM";

    private final StubChatUpstreamAdapter stub =
            new StubChatUpstreamAdapter(Clock.fixed(Instant.parse("2026-05-03T21:14:32Z"), ZoneOffset.UTC));

    private static Map<String, Object> body(Object lastUserContent) {
        return Map.of(
                "model",
                "stub",
                "messages",
                List.of(
                        Map.of("role", "system", "content", "You are a scheduler. " + PHONE),
                        Map.of("role", "user", "content", "Earlier turn"),
                        Map.of("role", "assistant", "content", "Go on."),
                        Map.of("role", "user", "content", lastUserContent)));
    }

    private static String content(Map<String, Object> answer) {
        Map<?, ?> choice = (Map<?, ?>) ((List<?>) answer.get("choices")).getFirst();
        return (String) ((Map<?, ?>) choice.get("message")).get("content");
    }

    private List<Map<String, Object>> chunks(Map<String, Object> body) {
        List<Map<String, Object>> chunks = new ArrayList<>();
        stub.stream(STUB, body, chunks::add);
        return chunks;
    }

    private static Map<?, ?> choice(Map<String, Object> chunk) {
        return (Map<?, ?>) ((List<?>) chunk.get("choices")).getFirst();
    }

    @Test
    void givenTwoTokensInTheLastUserMessage_complete_namesBothAndOnlyThose() {
        String content =
                content(stub.complete(STUB, body("I am " + NAME + ", call me at " + PHONE + " or " + NAME + ".")));

        assertEquals(
                "I am Masker's stub model. I saw 2 protected values: " + NAME + " and " + PHONE
                        + "; I never saw the originals.",
                content);
    }

    @Test
    void givenTokensInTextContentParts_complete_findsThemAndSkipsOtherParts() {
        List<Map<String, Object>> parts = List.of(
                Map.of("type", "text", "text", "My name is " + NAME),
                Map.of("type", "image_url", "image_url", Map.of("url", "https://example.com/" + PHONE)));

        String content = content(stub.complete(STUB, body(parts)));

        assertEquals(
                "I am Masker's stub model. I saw 1 protected value: " + NAME + "; I never saw the originals.", content);
    }

    @Test
    void givenNoTokens_complete_saysItSawNoneInAGenuineChatCompletion() {
        Map<String, Object> answer = stub.complete(STUB, body("What are your opening hours?"));

        assertEquals("I am Masker's stub model. I saw no protected values in your message.", content(answer));
        assertTrue(((String) answer.get("id")).startsWith("chatcmpl-stub-"));
        assertEquals("chat.completion", answer.get("object"));
        assertEquals(Instant.parse("2026-05-03T21:14:32Z").getEpochSecond(), answer.get("created"));
        assertEquals("stub", answer.get("model"));
        Map<?, ?> choice = (Map<?, ?>) ((List<?>) answer.get("choices")).getFirst();
        assertEquals("assistant", ((Map<?, ?>) choice.get("message")).get("role"));
        assertEquals("stop", choice.get("finish_reason"));
        Map<?, ?> usage = (Map<?, ?>) answer.get("usage");
        assertTrue((Integer) usage.get("prompt_tokens") > 0);
        assertEquals(
                (Integer) usage.get("prompt_tokens") + (Integer) usage.get("completion_tokens"),
                usage.get("total_tokens"));
    }

    @Test
    void givenTheSameRequest_complete_answersTheSameTextUnderANewId() {
        Map<String, Object> first = new LinkedHashMap<>(stub.complete(STUB, body("Hi " + NAME)));
        Map<String, Object> second = new LinkedHashMap<>(stub.complete(STUB, body("Hi " + NAME)));

        assertNotEquals(first.remove("id"), second.remove("id"), "each completion has its own id");
        assertEquals(first, second);
    }

    @Test
    void givenTwoStreams_stream_givesEachItsOwnIdSharedByItsChunks() {
        List<Map<String, Object>> first = chunks(body("Hi " + NAME));
        List<Map<String, Object>> second = chunks(body("Hi " + NAME));

        assertEquals(1, first.stream().map(chunk -> chunk.get("id")).distinct().count());
        assertNotEquals(first.getFirst().get("id"), second.getFirst().get("id"));
    }

    @Test
    void givenAToken_stream_splitsItAcrossSmallChunksThatJoinToTheCompleteAnswer() {
        Map<String, Object> body = body("I am " + NAME);

        List<Map<String, Object>> chunks = chunks(body);

        assertEquals(
                Map.of("role", "assistant", "content", ""),
                choice(chunks.getFirst()).get("delta"));
        List<String> pieces = chunks.subList(1, chunks.size() - 1).stream()
                .map(chunk -> (String) ((Map<?, ?>) choice(chunk).get("delta")).get("content"))
                .toList();
        assertEquals(content(stub.complete(STUB, body)), String.join("", pieces));
        assertTrue(pieces.stream()
                .allMatch(piece -> !piece.isEmpty() && piece.length() <= StubChatUpstreamAdapter.PIECE_LENGTH));
        assertTrue(pieces.stream().noneMatch(piece -> piece.contains(NAME)), "the token should be split across chunks");
        assertEquals("stop", choice(chunks.getLast()).get("finish_reason"));
        assertEquals(Map.of(), choice(chunks.getLast()).get("delta"));
        assertTrue(chunks.stream()
                .allMatch(chunk -> "chat.completion.chunk".equals(chunk.get("object"))
                        && chunk.get("id").equals(chunks.getFirst().get("id"))
                        && !chunk.containsKey("usage")));
    }

    @Test
    void givenIncludeUsage_stream_endsWithAChunkOfUsageAndNoChoices() {
        Map<String, Object> body = Map.of(
                "messages",
                List.of(Map.of("role", "user", "content", "Hi " + PHONE)),
                "stream",
                true,
                "stream_options",
                Map.of("include_usage", true));

        List<Map<String, Object>> chunks = chunks(body);

        Map<String, Object> last = chunks.getLast();
        assertEquals(List.of(), last.get("choices"));
        assertEquals(stub.complete(STUB, body).get("usage"), last.get("usage"));
        assertEquals("stop", choice(chunks.get(chunks.size() - 2)).get("finish_reason"));
        assertTrue(chunks.subList(0, chunks.size() - 1).stream()
                .allMatch(chunk -> chunk.containsKey("usage") && chunk.get("usage") == null));
    }

    @Test
    void givenABodyWithoutMessages_stream_stillAnswersAndEnds() {
        List<Map<String, Object>> chunks = chunks(Map.of());

        assertFalse(chunks.isEmpty());
        assertNull(choice(chunks.get(1)).get("finish_reason"));
        assertEquals("stop", choice(chunks.getLast()).get("finish_reason"));
    }
}
