package dev.masker.domain.assistant;

import dev.masker.domain.error.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shape of Vapi's assistant object: each field Vapi's assistant-request answer takes and the JSON types of its
 * value, as listed in {@value #RESOURCE} (generated from Vapi's server SDK by
 * {@code tools/vapi-assistant-fields/generate.mjs}). Only the top level is checked: what lies inside a field (a model's
 * messages, a voice's provider) is Vapi's to judge.
 */
public final class VapiAssistantShape {
    /** The resource, beside this class, that lists Vapi's fields. */
    public static final String RESOURCE = "vapi-assistant-fields.tsv";

    private static final int SHOWN_NAME_LENGTH = 64;
    private static final VapiAssistantShape VAPI = read(RESOURCE);

    /** The JSON types a field's value may take; a {@code null} has none of them. */
    public enum JsonType {
        OBJECT("an object"),
        ARRAY("an array"),
        STRING("a string"),
        NUMBER("a number"),
        BOOLEAN("a boolean");

        private final String phrase;

        JsonType(String phrase) {
            this.phrase = phrase;
        }

        /** The type of a value of an {@link AssistantConfig}'s tree, or empty for {@code null}. */
        public static Optional<JsonType> of(Object value) {
            return switch (value) {
                case null -> Optional.empty();
                case Map<?, ?> object -> Optional.of(OBJECT);
                case List<?> array -> Optional.of(ARRAY);
                case String text -> Optional.of(STRING);
                case Number number -> Optional.of(NUMBER);
                case Boolean bool -> Optional.of(BOOLEAN);
                default ->
                    throw new IllegalArgumentException(
                            "not a JSON value: " + value.getClass().getSimpleName());
            };
        }

        static JsonType named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private final Map<String, Set<JsonType>> fields;

    private VapiAssistantShape(Map<String, Set<JsonType>> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** Vapi's assistant, as the SDK version the resource was generated from describes it. */
    public static VapiAssistantShape vapi() {
        return VAPI;
    }

    /**
     * Every listed field, in the list's order, with its types: the assistant's own fields, and as {@code model.*} the
     * fields of the custom-llm model Masker writes.
     */
    public Map<String, Set<JsonType>> fields() {
        return fields;
    }

    /**
     * The problems of the assistant's top-level fields, each named by the field as sent: a field Vapi's assistant does
     * not have (with the nearest field it does have, when one is close), and a value of a type the field does not take.
     * {@code null} is not among any field's types: Vapi's declarations let a field be left out, never be null.
     */
    public List<FieldProblem> problemsOf(AssistantConfig assistant) {
        List<FieldProblem> problems = new ArrayList<>();
        assistant.asMap().forEach((name, value) -> {
            Set<JsonType> types = name.contains(".") ? null : fields.get(name);
            if (types == null) {
                problems.add(new FieldProblem(
                        shown(name),
                        "is not a field of Vapi's assistant"
                                + nearestField(name)
                                        .map(near -> "; did you mean \"" + near + "\"?")
                                        .orElse("")));
            } else if (!JsonType.of(value).map(types::contains).orElse(false)) {
                String expected = types.stream().map(type -> type.phrase).collect(Collectors.joining(" or "));
                problems.add(new FieldProblem(
                        name,
                        "must be " + expected + (value == null ? " (leave the field out rather than send null)" : "")));
            }
        });
        return problems;
    }

    /**
     * The top-level field whose name is nearest the given one, ignoring case, when it is close: at most two edits away,
     * or a third of the field's length for long names (an edit is a letter added, dropped, changed or two swapped).
     */
    Optional<String> nearestField(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String field : fields.keySet()) {
            if (field.contains(".")) {
                continue;
            }
            int distance = editDistance(wanted, field.toLowerCase(Locale.ROOT));
            if (distance < best && distance <= Math.max(2, field.length() / 3)) {
                nearest = field;
                best = distance;
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** Edits between two words (optimal string alignment: insert, delete, substitute, swap two neighbours). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The caller's own field name, capped so that an error never echoes much of a body. */
    private static String shown(String name) {
        return name.length() > SHOWN_NAME_LENGTH ? name.substring(0, SHOWN_NAME_LENGTH) + "…" : name;
    }

    /** The list in a resource beside this class: {@code name<TAB>type,type}, {@code #} comments and blank lines skipped. */
    static VapiAssistantShape read(String resource) {
        Map<String, Set<JsonType>> fields = new LinkedHashMap<>();
        try (InputStream in = VapiAssistantShape.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Vapi assistant field list missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2) {
                    throw new IllegalStateException("not a field<TAB>types line in " + resource + ": " + line);
                }
                Set<JsonType> types = EnumSet.noneOf(JsonType.class);
                Arrays.stream(columns[1].split(",")).map(JsonType::named).forEach(types::add);
                fields.put(columns[0], Collections.unmodifiableSet(types));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new VapiAssistantShape(fields);
    }
}
