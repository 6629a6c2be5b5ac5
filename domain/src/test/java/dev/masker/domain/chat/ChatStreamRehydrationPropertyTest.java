package dev.masker.domain.chat;

import static dev.masker.domain.chat.ChatStreamRehydratorTest.arguments;
import static dev.masker.domain.chat.ChatStreamRehydratorTest.choice;
import static dev.masker.domain.chat.ChatStreamRehydratorTest.chunk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.TokenLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Generated streams: answer texts holding the session's tokens, foreign ones and near misses, cut into random chunks of
 * one or two interleaved choices' content and tool-call arguments. Whatever the cut, each stream's emitted deltas put
 * together equal the whole answer's rehydration, and no single delta ever carries a token the session could open.
 * Seeded: a failure names the case that reproduces it.
 */
class ChatStreamRehydrationPropertyTest {
    private static final long SEED = 20_261_127L;
    private static final int CASES = 1_500;
    private static final List<String> WORDS = List.of(
            "Hello",
            "your",
            "appointment",
            "is",
            "on",
            "Monday",
            "MSK",
            "MSKV1.",
            "MSKV1.PHONE.K_HEALTHCARE.",
            "MSK1.NAME.",
            "M",
            "{\"x\":",
            "\"}",
            "ok",
            "é",
            "中文",
            "\uD83D\uDE00",
            "2 puffs");
    private static final List<String> SEPARATORS = List.of(" ", ", ", ". ", "\n", " (", ") ", ": ", "\"");

    private final TokenLookup lookup = ChatTokens.lookup();

    @Test
    void givenRandomlyChunkedStreams_accept_emitsTheWholeRehydrationAndNeverAnOpenableToken() {
        Random random = new Random(SEED);
        int deltas = 0;
        for (int i = 0; i < CASES; i++) {
            deltas += checkCase(random, "case #" + i + " (seed " + SEED + ")");
        }
        assertTrue(deltas > CASES * 4, "the cases produced too few deltas to mean anything: " + deltas);
    }

    /** Runs one generated stream and returns how many non-empty deltas it emitted. */
    private int checkCase(Random random, String label) {
        boolean twoChoices = random.nextInt(3) == 0;
        boolean withTools = random.nextInt(3) == 0;
        List<Stream> streams = new ArrayList<>();
        for (int choice = 0; choice < (twoChoices ? 2 : 1); choice++) {
            streams.add(new Stream(choice, -1, text(random)));
            if (withTools) {
                streams.add(new Stream(choice, 0, "{\"q\":\"" + text(random)));
            }
        }
        for (Stream stream : streams) {
            stream.cut(random);
        }
        boolean finishEachChoice = random.nextBoolean();

        ChatStreamRehydrator rehydrator = new ChatStreamRehydrator(lookup);
        Map<String, StringBuilder> emitted = new LinkedHashMap<>();
        int[] nonEmpty = {0};
        while (streams.stream().anyMatch(Stream::hasMore)) {
            // One chunk: the next piece of one or more streams, in random order.
            Map<Integer, Map<String, Object>> deltas = new LinkedHashMap<>();
            for (Stream stream : streams) {
                if (stream.hasMore() && random.nextInt(3) != 0) {
                    stream.addNextTo(deltas.computeIfAbsent(stream.choice, c -> new LinkedHashMap<>()));
                }
            }
            if (deltas.isEmpty()) {
                continue;
            }
            List<Object> choices = new ArrayList<>();
            deltas.forEach((choice, delta) -> choices.add(choice(choice, delta, null)));
            Map<String, Object> upstreamChunk = chunk(choices.toArray());
            Optional<Map<String, Object>> sent = rehydrator.accept(upstreamChunk);
            sent.ifPresent(chunk -> collect(chunk, emitted, nonEmpty, label));
            assertTrue(
                    sent.isPresent() || heldBack(upstreamChunk),
                    () -> label + ": a chunk with more than text was dropped");
            assertFalse(
                    sent.isPresent() && emptiedByTheRehydrator(sent.get()),
                    () -> label + ": an empty delta the upstream never sent: " + sent.get());
        }
        if (finishEachChoice) {
            for (int choice = 0; choice < (twoChoices ? 2 : 1); choice++) {
                collect(
                        rehydrator
                                .accept(chunk(choice(choice, Map.of(), "stop")))
                                .orElseThrow(),
                        emitted,
                        nonEmpty,
                        label);
            }
            assertEquals(Optional.empty(), rehydrator.finish(), label);
        } else {
            rehydrator.finish().ifPresent(rest -> collect(rest, emitted, nonEmpty, label));
        }
        Map<String, Object> usage =
                new LinkedHashMap<>(Map.of("choices", List.of(), "usage", Map.of("total_tokens", 9)));
        assertEquals(Optional.of(usage), rehydrator.accept(usage), label);

        int restored = 0;
        int findings = 0;
        for (Stream stream : streams) {
            ChatCompletionAnswer one = new ChatCompletionAnswer(lookup);
            String expected = stream.wholeRehydrated(one);
            restored += one.restored();
            findings += one.findings().size();
            assertEquals(
                    expected,
                    emitted.getOrDefault(stream.key(), new StringBuilder()).toString(),
                    () -> label + " " + stream.key() + " of " + stream.text);
        }
        assertEquals(restored, rehydrator.restored(), label);
        assertEquals(findings, rehydrator.findings().size(), label);
        return nonEmpty[0];
    }

    /** Whether a generated chunk carries text only, so that dropping it, its text all held back, loses nothing. */
    private static boolean heldBack(Map<String, Object> chunk) {
        return ((List<?>) chunk.get("choices"))
                .stream().allMatch(choice -> ((Map<?, ?>) choice).get("finish_reason") == null);
    }

    /** Whether every delta of a sent chunk is empty text: the generated chunks never carry empty pieces. */
    private static boolean emptiedByTheRehydrator(Map<String, Object> chunk) {
        for (Object element : (List<?>) chunk.get("choices")) {
            Map<?, ?> delta = (Map<?, ?>) ((Map<?, ?>) element).get("delta");
            if (delta.get("content") instanceof String text && !text.isEmpty()) {
                return false;
            }
            if (delta.get("tool_calls") instanceof List<?> calls
                    && calls.stream()
                            .anyMatch(call ->
                                    !"".equals(((Map<?, ?>) ((Map<?, ?>) call).get("function")).get("arguments")))) {
                return false;
            }
        }
        return true;
    }

    /** Appends each delta of the chunk to its stream's output, checking that no delta holds a token the session opens. */
    private void collect(Map<String, Object> chunk, Map<String, StringBuilder> emitted, int[] nonEmpty, String label) {
        for (Object element : (List<?>) chunk.get("choices")) {
            Map<?, ?> choice = (Map<?, ?>) element;
            int index = (Integer) choice.get("index");
            Map<?, ?> delta = (Map<?, ?>) choice.get("delta");
            if (delta.get("content") instanceof String text) {
                append(emitted, Stream.key(index, -1), text, nonEmpty, label);
            }
            if (delta.get("tool_calls") instanceof List<?> calls) {
                for (Object call : calls) {
                    Map<?, ?> map = (Map<?, ?>) call;
                    String text = (String) ((Map<?, ?>) map.get("function")).get("arguments");
                    append(emitted, Stream.key(index, (Integer) map.get("index")), text, nonEmpty, label);
                }
            }
        }
    }

    private void append(Map<String, StringBuilder> emitted, String key, String text, int[] nonEmpty, String label) {
        Matcher matcher = PhiToken.SHAPE.matcher(text);
        while (matcher.find()) {
            Optional<PhiToken> token = PhiToken.of(matcher);
            assertFalse(
                    token.isPresent() && lookup.originalOf(token.get()).isPresent(),
                    () -> label + ": a delta of " + key + " carries an openable token");
        }
        if (!text.isEmpty()) {
            nonEmpty[0]++;
        }
        emitted.computeIfAbsent(key, k -> new StringBuilder()).append(text);
    }

    /** Words, the session's tokens, a foreign one and near misses; separators between pieces and sometimes after the last. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(10);
        for (int i = 0; i < pieces; i++) {
            int pick = random.nextInt(10);
            if (pick < 4) {
                text.append(ChatTokens.own()
                        .get(random.nextInt(ChatTokens.own().size()))
                        .text());
            } else if (pick == 4) {
                text.append(ChatTokens.FOREIGN.text());
            } else if (pick == 5) {
                String token = ChatTokens.own()
                        .get(random.nextInt(ChatTokens.own().size()))
                        .text();
                text.append(token, 0, 1 + random.nextInt(token.length() - 1));
            } else {
                text.append(WORDS.get(random.nextInt(WORDS.size())));
            }
            if (i < pieces - 1 || random.nextBoolean()) {
                // Half the texts end in their last piece: a token or a token's prefix held back to the very end.
                text.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            }
        }
        return text.toString();
    }

    /** One text stream of the answer: a choice's content ({@code tool} -1) or one tool call's arguments. */
    private static final class Stream {
        private final int choice;
        private final int tool;
        private final String text;
        private final List<String> pieces = new ArrayList<>();
        private int next;

        Stream(int choice, int tool, String text) {
            this.choice = choice;
            this.tool = tool;
            this.text = text;
        }

        static String key(int choice, int tool) {
            return tool < 0 ? "choice " + choice + " content" : "choice " + choice + " tool " + tool;
        }

        String key() {
            return key(choice, tool);
        }

        void cut(Random random) {
            int maxPiece = 1 + random.nextInt(random.nextBoolean() ? 4 : 60);
            for (int at = 0; at < text.length(); ) {
                int size = Math.min(text.length() - at, 1 + random.nextInt(maxPiece));
                pieces.add(text.substring(at, at + size));
                at += size;
            }
        }

        boolean hasMore() {
            return next < pieces.size();
        }

        void addNextTo(Map<String, Object> delta) {
            String piece = pieces.get(next++);
            if (tool < 0) {
                delta.put("content", piece);
            } else {
                delta.put("tool_calls", List.of(arguments(tool, piece)));
            }
        }

        /** What the non-streamed rehydration makes of the whole text, in the same place of a whole answer. */
        String wholeRehydrated(ChatCompletionAnswer answer) {
            Map<String, Object> message = tool < 0
                    ? Map.of("role", "assistant", "content", text)
                    : Map.of(
                            "role",
                            "assistant",
                            "tool_calls",
                            List.of(Map.of(
                                    "id",
                                    "c",
                                    "type",
                                    "function",
                                    "function",
                                    Map.of("name", "f", "arguments", text))));
            Map<?, ?> back = (Map<?, ?>) ((Map<?, ?>) ((List<?>) answer.rehydrate(
                                            Map.of("choices", List.of(Map.of("index", choice, "message", message))))
                                    .get("choices"))
                            .get(0))
                    .get("message");
            if (tool < 0) {
                return (String) back.get("content");
            }
            return (String) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) back.get("tool_calls")).get(0)).get("function"))
                    .get("arguments");
        }
    }
}
