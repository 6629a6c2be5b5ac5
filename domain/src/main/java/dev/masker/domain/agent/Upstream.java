package dev.masker.domain.agent;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an agent's masked turns go: {@code openai:<model>} (any OpenAI-compatible endpoint) or {@code stub}
 * (the built-in demo upstream).
 */
public record Upstream(Provider provider, String model) {
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    /** The kinds of upstream Masker can forward to. */
    public enum Provider {
        OPENAI,
        STUB
    }

    public Upstream {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        if (!MODEL.matcher(model).matches()) {
            // The model comes from a request (an agent's upstream, a proxied turn's model): refused as the API refuses
            // it.
            throw DomainException.of(ErrorCode.UNKNOWN_UPSTREAM, "Unknown upstream; use openai:<model> or stub.");
        }
    }

    /** Whether the text can name a model: 1 to 100 letters, digits or {@code . _ : / -}, starting with a letter or digit. */
    public static boolean isModelName(String text) {
        return MODEL.matcher(text).matches();
    }

    /** The upstream the text names, or empty when Masker knows no such upstream. */
    public static Optional<Upstream> parse(String text) {
        if ("stub".equals(text)) {
            return Optional.of(new Upstream(Provider.STUB, "stub"));
        }
        if (text != null
                && text.startsWith("openai:")
                && MODEL.matcher(text.substring(7)).matches()) {
            return Optional.of(new Upstream(Provider.OPENAI, text.substring(7)));
        }
        return Optional.empty();
    }

    /** The upstream as written in the API, e.g. {@code openai:gpt-4o-mini}. */
    public String value() {
        return provider == Provider.STUB ? "stub" : "openai:" + model;
    }

    @Override
    public String toString() {
        return value();
    }
}
