package dev.masker.adapters.http.upstream;

import dev.masker.application.port.out.ChatUpstreamPort;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.phi.PhiToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;

/**
 * The built-in {@code stub} upstream for demos and tests: no network, and an answer that names the tokens found in the
 * last user message, so that rehydration is visible to whoever reads it. It answers in OpenAI's exact shapes: a
 * {@code chat.completion}, or {@code chat.completion.chunk}s of at most {@value #PIECE_LENGTH} characters of content
 * (so tokens arrive split across chunks), the usage chunk last when {@code stream_options.include_usage} asks for it.
 * The same request always gets the same text; each completion has an id of its own, shared by the chunks of a stream,
 * as OpenAI's have.
 */
public final class StubChatUpstreamAdapter implements ChatUpstreamPort {
    static final String MODEL = "stub";
    static final int PIECE_LENGTH = 8;
    private static final int CHARS_PER_TOKEN = 4;

    private final Clock clock;

    public StubChatUpstreamAdapter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, Object> complete(Upstream upstream, Map<String, Object> body) {
        String content = content(body);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", "stop");
        Map<String, Object> answer = header(completionId(), "chat.completion");
        answer.put("choices", List.of(choice));
        answer.put("usage", usage(body, content));
        return answer;
    }

    @Override
    public void stream(Upstream upstream, Map<String, Object> body, ChunkConsumer consumer) {
        String content = content(body);
        boolean includeUsage = body.get("stream_options") instanceof Map<?, ?> options
                && Boolean.TRUE.equals(options.get("include_usage"));
        String id = completionId();
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("role", "assistant");
        opening.put("content", "");
        consumer.accept(chunk(id, opening, null, includeUsage));
        for (int at = 0; at < content.length(); at += PIECE_LENGTH) {
            String piece = content.substring(at, Math.min(content.length(), at + PIECE_LENGTH));
            consumer.accept(chunk(id, Map.of("content", piece), null, includeUsage));
        }
        consumer.accept(chunk(id, Map.of(), "stop", includeUsage));
        if (includeUsage) {
            Map<String, Object> usage = header(id, "chat.completion.chunk");
            usage.put("choices", List.of());
            usage.put("usage", usage(body, content));
            consumer.accept(usage);
        }
    }

    /** The answer: which tokens the stub saw in the last user message, by their text, in order of appearance. */
    static String content(Map<String, Object> body) {
        Set<String> tokens = new LinkedHashSet<>();
        lastUserText(body).ifPresent(text -> {
            Matcher match = PhiToken.SHAPE.matcher(text);
            while (match.find()) {
                PhiToken.of(match).ifPresent(token -> tokens.add(token.text()));
            }
        });
        if (tokens.isEmpty()) {
            return "I am Masker's stub model. I saw no protected values in your message.";
        }
        String values = tokens.size() == 1 ? " protected value: " : " protected values: ";
        return "I am Masker's stub model. I saw " + tokens.size() + values + joined(new ArrayList<>(tokens))
                + "; I never saw the originals.";
    }

    private static String joined(List<String> tokens) {
        if (tokens.size() == 1) {
            return tokens.getFirst();
        }
        return String.join(", ", tokens.subList(0, tokens.size() - 1)) + " and " + tokens.getLast();
    }

    private static Optional<String> lastUserText(Map<String, Object> body) {
        if (!(body.get("messages") instanceof List<?> messages)) {
            return Optional.empty();
        }
        for (Object message : messages.reversed()) {
            if (message instanceof Map<?, ?> fields && "user".equals(fields.get("role"))) {
                return Optional.of(text(fields.get("content")));
            }
        }
        return Optional.empty();
    }

    /** A message's text: the string, or its text content parts joined by a space. */
    private static String text(Object content) {
        if (content instanceof String text) {
            return text;
        }
        List<String> texts = new ArrayList<>();
        if (content instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Map<?, ?> fields
                        && "text".equals(fields.get("type"))
                        && fields.get("text") instanceof String text) {
                    texts.add(text);
                }
            }
        }
        return String.join(" ", texts);
    }

    private Map<String, Object> chunk(String id, Map<String, Object> delta, String finishReason, boolean includeUsage) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        Map<String, Object> chunk = header(id, "chat.completion.chunk");
        chunk.put("choices", List.of(choice));
        if (includeUsage) {
            // OpenAI sends "usage": null on every chunk but the last when usage was asked for.
            chunk.put("usage", null);
        }
        return chunk;
    }

    private Map<String, Object> header(String id, String object) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("id", id);
        header.put("object", object);
        header.put("created", clock.instant().getEpochSecond());
        header.put("model", MODEL);
        header.put("system_fingerprint", "fp_masker_stub");
        return header;
    }

    /** Rough token counts: a token per four characters of every message's text, and of the answer. */
    private static Map<String, Object> usage(Map<String, Object> body, String content) {
        int promptChars = 0;
        if (body.get("messages") instanceof List<?> messages) {
            for (Object message : messages) {
                if (message instanceof Map<?, ?> fields) {
                    promptChars += text(fields.get("content")).length();
                }
            }
        }
        int prompt = tokens(promptChars);
        int completion = tokens(content.length());
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return usage;
    }

    private static int tokens(int chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** A new completion id: {@code chatcmpl-stub-} and 24 random hex digits, as unique as OpenAI's. */
    private static String completionId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "chatcmpl-stub-" + HexFormat.of().formatHex(random);
    }
}
