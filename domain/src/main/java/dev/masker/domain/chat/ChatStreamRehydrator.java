package dev.masker.domain.chat;

import dev.masker.domain.phi.LeakFinding;
import dev.masker.domain.phi.StreamingRehydrator;
import dev.masker.domain.phi.TokenLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rehydrates a streamed answer chunk by chunk. Each choice's {@code delta.content}, and each of its tool calls'
 * {@code function.arguments}, is a stream of its own through a {@link StreamingRehydrator}: text is passed on as soon
 * as it cannot be part of a token, and only a possible token prefix is held back. What a stream still holds is
 * released in the chunk that finishes its choice ({@code finish_reason} set) or, when the upstream never finishes it,
 * by {@link #finish}. Chunks keep every other field as they came.
 *
 * <p>A chunk whose every piece of text is held back, and that carries nothing else (no role, tool call id or name,
 * {@code finish_reason}, {@code logprobs} or {@code usage}), is not sent at all: the client would get an empty
 * {@code delta} the upstream never sent. The text it held comes in a later chunk. A chunk the upstream itself sent
 * empty is passed on as it came.
 */
public final class ChatStreamRehydrator {
    private static final Set<String> ONLY_INDEX_DELTA_FINISH_LOGPROBS =
            Set.of("index", "delta", "finish_reason", "logprobs");
    private static final Set<String> ONLY_CONTENT_TOOL_CALLS = Set.of("content", "tool_calls");
    private static final Set<String> ONLY_INDEX_FUNCTION = Set.of("index", "function");

    private final TokenLookup lookup;
    private final Map<Integer, StreamingRehydrator> contents = new LinkedHashMap<>();
    private final Map<List<Integer>, StreamingRehydrator> arguments = new LinkedHashMap<>();
    private final List<StreamingRehydrator> done = new ArrayList<>();
    private Map<String, Object> lastChunk;

    /** A rehydrator for one streamed answer; the lookup decides which tokens open. */
    public ChatStreamRehydrator(TokenLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * The chunk to send on: a copy of the upstream's chunk with its text rehydrated as far as it can be yet; empty when
     * all its text is held back and it carries nothing else.
     */
    public Optional<Map<String, Object>> accept(Map<String, Object> chunk) {
        if (!(chunk.get("choices") instanceof List<?> choices) || choices.isEmpty()) {
            return Optional.of(chunk);
        }
        lastChunk = chunk;
        List<Object> rehydrated = choices.stream().map(this::choice).toList();
        boolean allHeldBack = chunk.get("usage") == null;
        for (int i = 0; i < choices.size() && allHeldBack; i++) {
            allHeldBack = heldBack(choices.get(i), rehydrated.get(i));
        }
        if (allHeldBack) {
            return Optional.empty();
        }
        Map<String, Object> copy = JsonTrees.copy(chunk);
        copy.put("choices", rehydrated);
        return Optional.of(copy);
    }

    /** Whether the upstream's choice carried text only, all of it now held back: nothing is left to send. */
    private static boolean heldBack(Object upstream, Object rehydrated) {
        if (!(upstream instanceof Map<?, ?> given)
                || !(rehydrated instanceof Map<?, ?> sent)
                || !ONLY_INDEX_DELTA_FINISH_LOGPROBS.containsAll(given.keySet())
                || given.get("finish_reason") != null
                || given.get("logprobs") != null
                || !(given.get("delta") instanceof Map<?, ?> delta)
                || !(sent.get("delta") instanceof Map<?, ?> left)
                || !ONLY_CONTENT_TOOL_CALLS.containsAll(delta.keySet())) {
            return false;
        }
        boolean hadText = delta.get("content") instanceof String text && !text.isEmpty();
        if (left.get("content") != null && !"".equals(left.get("content"))) {
            return false;
        }
        if (left.get("tool_calls") instanceof List<?> calls) {
            for (int i = 0; i < calls.size(); i++) {
                if (!argumentsOnly(calls.get(i))
                        || !argumentsOnly(((List<?>) delta.get("tool_calls")).get(i))
                        || !"".equals(arguments(calls.get(i)))) {
                    return false;
                }
                hadText |= !"".equals(arguments(((List<?>) delta.get("tool_calls")).get(i)));
            }
        } else if (left.containsKey("tool_calls")) {
            return false;
        }
        return hadText;
    }

    /** Whether a tool call delta holds its index and a piece of arguments, and nothing else. */
    private static boolean argumentsOnly(Object call) {
        return call instanceof Map<?, ?> map
                && ONLY_INDEX_FUNCTION.containsAll(map.keySet())
                && map.get("function") instanceof Map<?, ?> function
                && Set.of("arguments").equals(function.keySet())
                && function.get("arguments") instanceof String;
    }

    private static Object arguments(Object call) {
        return ((Map<?, ?>) ((Map<?, ?>) call).get("function")).get("arguments");
    }

    /**
     * A chunk carrying whatever is still held back, for a stream that ended without finishing every choice; empty when
     * nothing is held back.
     */
    public Optional<Map<String, Object>> finish() {
        Set<Integer> open = new TreeSet<>(contents.keySet());
        arguments.keySet().forEach(key -> open.add(key.get(0)));
        List<Object> choices = new ArrayList<>();
        for (Integer index : open) {
            Map<String, Object> delta = flush(index, new LinkedHashMap<>());
            if (!delta.isEmpty()) {
                Map<String, Object> choice = new LinkedHashMap<>();
                choice.put("index", index);
                choice.put("delta", delta);
                choice.put("finish_reason", null);
                choices.add(choice);
            }
        }
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> chunk = JsonTrees.copy(lastChunk);
        chunk.remove("usage");
        chunk.put("choices", choices);
        return Optional.of(chunk);
    }

    /** How many tokens were put back so far. */
    public int restored() {
        int restored = 0;
        for (StreamingRehydrator stream : all()) {
            restored += stream.restored();
        }
        return restored;
    }

    /** The tokens left as they were so far: another session's, forged, or of no known kind. */
    public List<LeakFinding> findings() {
        List<LeakFinding> findings = new ArrayList<>();
        all().forEach(stream -> findings.addAll(stream.findings()));
        return findings;
    }

    private List<StreamingRehydrator> all() {
        List<StreamingRehydrator> all = new ArrayList<>(done);
        all.addAll(contents.values());
        all.addAll(arguments.values());
        return all;
    }

    private Object choice(Object choice) {
        if (!(choice instanceof Map<?, ?> map) || !(map.get("index") instanceof Integer index)) {
            return choice;
        }
        Map<String, Object> copy = JsonTrees.copy(map);
        Map<String, Object> delta =
                map.get("delta") instanceof Map<?, ?> given ? JsonTrees.copy(given) : new LinkedHashMap<>();
        if (delta.get("content") instanceof String content) {
            delta.put(
                    "content",
                    contents.computeIfAbsent(index, i -> new StreamingRehydrator(lookup))
                            .accept(content));
        }
        if (delta.get("tool_calls") instanceof List<?> calls) {
            delta.put(
                    "tool_calls",
                    calls.stream().map(call -> toolCall(index, call)).toList());
        }
        if (map.get("finish_reason") != null) {
            delta = flush(index, delta);
        }
        if (map.get("delta") instanceof Map<?, ?> || !delta.isEmpty()) {
            copy.put("delta", delta);
        }
        return copy;
    }

    private Object toolCall(int choice, Object call) {
        if (!(call instanceof Map<?, ?> map)
                || !(map.get("index") instanceof Integer index)
                || !(map.get("function") instanceof Map<?, ?> function)
                || !(function.get("arguments") instanceof String text)) {
            return call;
        }
        StreamingRehydrator stream =
                arguments.computeIfAbsent(List.of(choice, index), key -> new StreamingRehydrator(lookup));
        Map<String, Object> functionCopy = JsonTrees.copy(function);
        functionCopy.put("arguments", stream.accept(text));
        Map<String, Object> copy = JsonTrees.copy(map);
        copy.put("function", functionCopy);
        return copy;
    }

    /** Appends the text to the arguments of the tool call with the index in the delta, or adds an entry for it. */
    private static void appendArguments(List<Object> calls, int index, String rest) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i) instanceof Map<?, ?> call
                    && Integer.valueOf(index).equals(call.get("index"))
                    && call.get("function") instanceof Map<?, ?> function
                    && function.get("arguments") instanceof String text) {
                Map<String, Object> functionCopy = JsonTrees.copy(function);
                functionCopy.put("arguments", text + rest);
                Map<String, Object> callCopy = JsonTrees.copy(call);
                callCopy.put("function", functionCopy);
                calls.set(i, callCopy);
                return;
            }
        }
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("index", index);
        call.put("function", Map.of("arguments", rest));
        calls.add(call);
    }

    /** The delta with everything the choice's streams still hold appended, and those streams closed. */
    private Map<String, Object> flush(int choice, Map<String, Object> delta) {
        StreamingRehydrator content = contents.remove(choice);
        if (content != null) {
            String rest = content.finish();
            done.add(content);
            if (!rest.isEmpty()) {
                delta.put("content", (delta.get("content") instanceof String text ? text : "") + rest);
            }
        }
        List<Object> calls = new ArrayList<>(delta.get("tool_calls") instanceof List<?> given ? given : List.of());
        for (List<Integer> key : List.copyOf(arguments.keySet())) {
            if (key.get(0) != choice) {
                continue;
            }
            StreamingRehydrator stream = arguments.remove(key);
            done.add(stream);
            String rest = stream.finish();
            if (!rest.isEmpty()) {
                appendArguments(calls, key.get(1), rest);
            }
        }
        if (!calls.isEmpty()) {
            delta.put("tool_calls", calls);
        }
        return delta;
    }
}
