package dev.masker.domain.chat;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A chat-completions request as a voice platform sent it. The strings that can carry PHI are every message's
 * {@code content} (a string, or the {@code text} of content parts), its {@code name}, the {@code arguments} of its tool
 * calls (and of the legacy {@code function_call}) and the top-level {@code user}; tool results are messages too. Vapi's
 * own fields ({@code call}, {@code customer}, {@code phoneNumber}, {@code metadata}, {@code org}) are never forwarded:
 * the call id in {@code call.id} only groups turns into a session.
 */
public final class ChatCompletionRequest {
    /** Fields a voice platform adds for itself; they never reach the upstream. */
    public static final Set<String> PLATFORM_FIELDS = Set.of("call", "customer", "phoneNumber", "metadata", "org");
    /** The longest call id taken as one; a longer one is ignored (the turn is a session of its own). */
    public static final int MAX_CALL_ID_LENGTH = 200;

    private final Map<String, Object> body;

    private ChatCompletionRequest(Map<String, Object> body) {
        this.body = body;
    }

    /**
     * The request the JSON object holds.
     *
     * @throws DomainException {@code validation_failed} naming each field whose shape is wrong: {@code messages} must be
     *         a non-empty array of objects each with a string {@code role}; {@code model} a string; {@code stream} a
     *         boolean
     */
    public static ChatCompletionRequest of(Map<String, Object> body) {
        Objects.requireNonNull(body, "body");
        List<FieldProblem> problems = new ArrayList<>();
        if (!(body.get("messages") instanceof List<?> messages) || messages.isEmpty()) {
            problems.add(new FieldProblem("messages", "must be a non-empty array of messages"));
        } else {
            for (int i = 0; i < messages.size(); i++) {
                if (!(messages.get(i) instanceof Map<?, ?> message) || !(message.get("role") instanceof String)) {
                    problems.add(new FieldProblem("messages[" + i + "]", "must be an object with a string role"));
                }
            }
        }
        if (body.containsKey("model") && !(body.get("model") instanceof String)) {
            problems.add(new FieldProblem("model", "must be a string"));
        }
        if (body.get("stream") != null && !(body.get("stream") instanceof Boolean)) {
            problems.add(new FieldProblem("stream", "must be true or false"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return new ChatCompletionRequest(body);
    }

    /** The model the request names, if it names one. */
    public Optional<String> model() {
        return body.get("model") instanceof String model ? Optional.of(model) : Optional.empty();
    }

    /** Whether the answer is to be streamed (SSE). */
    public boolean stream() {
        return Boolean.TRUE.equals(body.get("stream"));
    }

    /** The platform's call id ({@code call.id}), when it sent a usable one. */
    public Optional<String> callId() {
        if (body.get("call") instanceof Map<?, ?> call
                && call.get("id") instanceof String id
                && !id.isBlank()
                && id.length() <= MAX_CALL_ID_LENGTH
                && id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.of(id);
        }
        return Optional.empty();
    }

    /** Every string that may carry PHI, in a fixed order: the order {@link #forUpstream} takes their masked forms in. */
    public List<String> maskableTexts() {
        List<String> texts = new ArrayList<>();
        rewrite(text -> {
            texts.add(text);
            return text;
        });
        return texts;
    }

    /**
     * The positions in {@link #maskableTexts} of the messages' participant names: the {@code name} of a system, user or
     * assistant message names a person (or a role) by definition, so it is masked whole, not searched. The {@code name}
     * of a {@code function} or {@code tool} message names the function and is read like any other text.
     */
    public Set<Integer> participantNames() {
        Set<Integer> names = new TreeSet<>();
        int[] index = {0};
        rewrite(
                text -> {
                    index[0]++;
                    return text;
                },
                name -> {
                    names.add(index[0]++);
                    return name;
                });
        return names;
    }

    /**
     * The body to send upstream: a copy with the maskable strings replaced, in order, by {@code masked}, the platform's
     * fields left out and {@code model} set to the given one. Everything else passes through.
     *
     * @throws IllegalArgumentException when {@code masked} does not hold one string for each of {@link #maskableTexts}
     */
    public Map<String, Object> forUpstream(List<String> masked, String model) {
        Iterator<String> replacements = masked.iterator();
        Map<String, Object> upstream = rewrite(text -> {
            if (!replacements.hasNext()) {
                throw new IllegalArgumentException("fewer masked texts than maskable ones");
            }
            return replacements.next();
        });
        if (replacements.hasNext()) {
            throw new IllegalArgumentException("more masked texts than maskable ones");
        }
        upstream.put("model", model);
        return upstream;
    }

    private Map<String, Object> rewrite(UnaryOperator<String> replace) {
        return rewrite(replace, replace);
    }

    /** A copy with the maskable strings replaced, participants' names by {@code replaceName}, the others by {@code replace}. */
    private Map<String, Object> rewrite(UnaryOperator<String> replace, UnaryOperator<String> replaceName) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((key, value) -> {
            if (PLATFORM_FIELDS.contains(key)) {
                return;
            }
            copy.put(
                    key,
                    switch (key) {
                        case "messages" ->
                            ((List<?>) value)
                                    .stream()
                                            .map(message -> JsonTrees.rewriteMessage(message, replace, replaceName))
                                            .toList();
                        case "user" -> value instanceof String text ? replace.apply(text) : value;
                        default -> value;
                    });
        });
        return copy;
    }
}
