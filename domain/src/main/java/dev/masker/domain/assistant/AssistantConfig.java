package dev.masker.domain.assistant;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Vapi assistant object (model, voice, firstMessage, transcriber and any other field), held as an immutable JSON
 * tree: maps with string keys, lists, strings, numbers, booleans and nulls. Masker passes every field through
 * untouched except {@code model.provider} and {@code model.url}, which always point at Masker's proxy.
 */
public final class AssistantConfig {
    /** The provider Vapi uses for an OpenAI-compatible custom LLM. */
    public static final String CUSTOM_LLM_PROVIDER = "custom-llm";
    /** The header that carries an agent's proxy key from the voice platform to Masker's proxy. */
    public static final String PROXY_KEY_HEADER = "X-Masker-Proxy-Key";

    private static final AssistantConfig EMPTY = new AssistantConfig(Map.of());

    private final Map<String, Object> tree;

    private AssistantConfig(Map<String, Object> tree) {
        this.tree = tree;
    }

    /** An assistant with no fields. */
    public static AssistantConfig empty() {
        return EMPTY;
    }

    /**
     * The assistant the JSON object describes.
     *
     * @throws IllegalArgumentException when a value is not a JSON value
     */
    public static AssistantConfig of(Map<String, ?> jsonObject) {
        return new AssistantConfig(freezeObject(Objects.requireNonNull(jsonObject, "jsonObject")));
    }

    /** The JSON object, immutable. */
    public Map<String, Object> asMap() {
        return tree;
    }

    /**
     * These defaults with the overrides laid over them: objects merge key by key, any other value replaces.
     */
    public AssistantConfig mergedWith(AssistantConfig overrides) {
        return new AssistantConfig(merge(tree, overrides.tree));
    }

    /**
     * This assistant with its model sent through Masker's proxy: {@code model.provider} is {@code custom-llm} and
     * {@code model.url} the proxy URL whatever was configured, so no configuration can route PHI around the proxy.
     * {@code model.model} keeps the configured model, else the given default.
     */
    public AssistantConfig routedThroughProxy(URI proxyUrl, String defaultModel) {
        return routedThroughProxy(proxyUrl, defaultModel, Optional.empty());
    }

    /**
     * As {@link #routedThroughProxy(URI, String)}, and with the agent's proxy key in {@code model.headers} as
     * {@value #PROXY_KEY_HEADER} (SPEC §7), replacing any configured header of that name whatever its case.
     */
    public AssistantConfig routedThroughProxy(URI proxyUrl, String defaultModel, Optional<String> proxyKey) {
        Map<String, Object> model = new LinkedHashMap<>();
        if (tree.get("model") instanceof Map<?, ?> configured) {
            configured.forEach((key, value) -> model.put((String) key, value));
        }
        model.put("provider", CUSTOM_LLM_PROVIDER);
        model.put("url", proxyUrl.toString());
        proxyKey.ifPresent(key -> {
            Map<String, Object> headers = new LinkedHashMap<>();
            if (model.get("headers") instanceof Map<?, ?> configured) {
                configured.forEach((name, value) -> {
                    if (!PROXY_KEY_HEADER.equalsIgnoreCase((String) name)) {
                        headers.put((String) name, value);
                    }
                });
            }
            headers.put(PROXY_KEY_HEADER, key);
            model.put("headers", Collections.unmodifiableMap(headers));
        });
        if (!(model.get("model") instanceof String name) || name.isBlank()) {
            model.put("model", defaultModel);
        }
        Map<String, Object> routed = new LinkedHashMap<>(tree);
        routed.put("model", Collections.unmodifiableMap(model));
        return new AssistantConfig(Collections.unmodifiableMap(routed));
    }

    /** The model name under {@code model.model}, or the empty string. */
    public String modelName() {
        return tree.get("model") instanceof Map<?, ?> model && model.get("model") instanceof String name ? name : "";
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, override) -> {
            if (merged.get(key) instanceof Map<?, ?> baseChild && override instanceof Map<?, ?> overrideChild) {
                merged.put(key, merge(cast(baseChild), cast(overrideChild)));
            } else {
                merged.put(key, override);
            }
        });
        return Collections.unmodifiableMap(merged);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> frozen) {
        // Safe: every map inside the tree was built by freezeObject with String keys.
        return (Map<String, Object>) frozen;
    }

    private static Map<String, Object> freezeObject(Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("object keys must be strings");
            }
            copy.put(name, freeze(value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object freeze(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Map<?, ?> object) {
            return freezeObject(object);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(freeze(element)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(
                "not a JSON value: " + value.getClass().getSimpleName());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AssistantConfig that && tree.equals(that.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    @Override
    public String toString() {
        // The assistant holds the system prompt and first message: never print them.
        return "AssistantConfig[" + tree.size() + " fields]";
    }
}
