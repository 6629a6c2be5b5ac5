package dev.masker.domain.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Small edits of JSON trees (maps with string keys): shallow copies, never changing what they were given. */
final class JsonTrees {
    private JsonTrees() {
    }

    /** A shallow, mutable copy of a JSON object. */
    static Map<String, Object> copy(Object object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<?, ?>) object).forEach((key, value) -> copy.put((String) key, value));
        return copy;
    }

    /**
     * The call (a tool call, or a legacy function call when {@code holder} is null) with its string
     * {@code arguments} replaced; anything of another shape as it is.
     */
    static Object rewriteArguments(Object call, String holder, UnaryOperator<String> replace) {
        if (!(call instanceof Map<?, ?> map)) {
            return call;
        }
        if (holder == null) {
            if (!(map.get("arguments") instanceof String arguments)) {
                return call;
            }
            Map<String, Object> copy = copy(map);
            copy.put("arguments", replace.apply(arguments));
            return copy;
        }
        if (!(map.get(holder) instanceof Map<?, ?> function) || !(function.get("arguments") instanceof String)) {
            return call;
        }
        Map<String, Object> copy = copy(map);
        copy.put(holder, rewriteArguments(function, null, replace));
        return copy;
    }
}
