package dev.masker.domain.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Small edits of JSON trees (maps with string keys): copies, never changing what they were given. */
final class JsonTrees {
    private JsonTrees() {}

    /** A shallow, mutable copy of a JSON object. */
    static Map<String, Object> copy(Object object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<?, ?>) object).forEach((key, value) -> copy.put((String) key, value));
        return copy;
    }

    /** Roles whose message's {@code name} is the function's, not a participant's. */
    private static final Set<String> FUNCTION_ROLES = Set.of("function", "tool");

    /**
     * A copy of a chat message with the strings that can carry PHI replaced: its {@code content} (a string, or the
     * {@code text} of content parts) and the {@code arguments} of its tool calls and of a legacy {@code function_call}
     * by {@code replace}; its {@code name} by {@code replace} in a function or tool message, else by
     * {@code replaceName} (a participant's name), and not at all when {@code replaceName} is null. Anything of another
     * shape is left as it is.
     */
    static Map<String, Object> rewriteMessage(
            Object message, UnaryOperator<String> replace, UnaryOperator<String> replaceName) {
        Map<String, Object> copy = copy(message);
        copy.computeIfPresent("content", (key, content) -> content(content, replace));
        if (replaceName != null) {
            UnaryOperator<String> forName = FUNCTION_ROLES.contains(copy.get("role")) ? replace : replaceName;
            copy.computeIfPresent("name", (key, name) -> name instanceof String text ? forName.apply(text) : name);
        }
        copy.computeIfPresent(
                "tool_calls",
                (key, calls) -> calls instanceof List<?> list
                        ? list.stream()
                                .map(call -> replaced(call, "function", function -> arguments(function, replace)))
                                .toList()
                        : calls);
        copy.computeIfPresent("function_call", (key, call) -> arguments(call, replace));
        return copy;
    }

    private static Object content(Object content, UnaryOperator<String> replace) {
        if (content instanceof String text) {
            return replace.apply(text);
        }
        if (content instanceof List<?> parts) {
            return parts.stream()
                    .map(part -> replaced(
                            part, "text", text -> text instanceof String string ? replace.apply(string) : text))
                    .toList();
        }
        return content;
    }

    /** A function (call) with its string {@code arguments} replaced. */
    private static Object arguments(Object function, UnaryOperator<String> replace) {
        return replaced(
                function, "arguments", arguments -> arguments instanceof String text ? replace.apply(text) : arguments);
    }

    /** A copy of the object with the field's value replaced, or the value itself when it is no object or has no field. */
    private static Object replaced(Object value, String field, UnaryOperator<Object> replace) {
        if (!(value instanceof Map<?, ?> map) || !map.containsKey(field)) {
            return value;
        }
        Map<String, Object> copy = copy(map);
        copy.put(field, replace.apply(map.get(field)));
        return copy;
    }
}
