package dev.masker.domain.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may call an agent's proxy and what they may ask for (SPEC §7): the agent's proxy key (absent only while an
 * agent is being restored) and the models a request may name besides the upstream's own. Without a key, no proxy
 * request is let in.
 */
public record ProxyAccess(Optional<ProxyKey> key, List<String> allowedModels) {
    /** The most models an agent may list. */
    public static final int MAX_ALLOWED_MODELS = 20;

    /** No key and no extra models. */
    public static final ProxyAccess NONE = new ProxyAccess(Optional.empty(), List.of());

    public ProxyAccess {
        Objects.requireNonNull(key, "key");
        allowedModels = List.copyOf(allowedModels);
    }

    /** Whether the presented text is this agent's proxy key; never without a key on either side. */
    public boolean admits(Optional<String> presented) {
        return key.isPresent() && presented.isPresent() && key.get().matches(presented.get());
    }

    /** This access with another list of extra models. */
    public ProxyAccess withAllowedModels(List<String> models) {
        return new ProxyAccess(key, models);
    }

    /** Why the list cannot be an agent's {@code allowed_models}, or empty if it can: each a model name, at most 20. */
    public static Optional<String> allowedModelsProblem(List<String> models) {
        if (models.size() > MAX_ALLOWED_MODELS) {
            return Optional.of("lists at most " + MAX_ALLOWED_MODELS + " models");
        }
        List<String> seen = new ArrayList<>();
        for (String model : models) {
            if (model == null || !Upstream.isModelName(model)) {
                return Optional.of("each entry must be a model name: 1 to 100 letters, digits or . _ : / -");
            }
            if (seen.contains(model)) {
                return Optional.of("lists a model twice");
            }
            seen.add(model);
        }
        return Optional.empty();
    }
}
