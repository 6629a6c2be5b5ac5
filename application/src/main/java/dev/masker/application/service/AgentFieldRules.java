package dev.masker.application.service;

import dev.masker.application.port.in.CreateAgentCommand.CallbackFields;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks an agent's fields pass, shared by create and update: problems with a field's value are collected so the
 * caller hears of all of them at once; an unknown upstream or policy is its own error code, reported after them.
 */
final class AgentFieldRules {
    private final Set<String> policies;

    AgentFieldRules(Set<String> policies) {
        this.policies = Set.copyOf(policies);
    }

    void checkName(String name, List<FieldProblem> problems) {
        String problem = AgentName.problemWith(name);
        if (problem != null && !names(problems, "name")) {
            problems.add(new FieldProblem("name", name == null ? "is required" : problem));
        }
    }

    Optional<Tokenization> tokenization(String text, List<FieldProblem> problems) {
        Optional<Tokenization> tokenization = Tokenization.parse(text);
        if (tokenization.isEmpty() && !names(problems, "tokenization")) {
            problems.add(new FieldProblem("tokenization", "must be vault-deterministic or reversible-aead"));
        }
        return tokenization;
    }

    Optional<ConfigCallback> callback(CallbackFields fields, List<FieldProblem> problems) {
        int before = problems.size();
        URI url = null;
        try {
            url = fields.url() == null ? null : new URI(fields.url());
        } catch (URISyntaxException e) {
            // Reported below as a field problem; the URL itself is not echoed.
        }
        String urlProblem = url == null ? "must be an absolute http or https URL" : ConfigCallback.urlProblem(url);
        if (urlProblem != null) {
            problems.add(new FieldProblem("config_callback.url", urlProblem));
        }
        if (fields.secret() == null || fields.secret().length() < ConfigCallback.MIN_SECRET_LENGTH) {
            problems.add(new FieldProblem("config_callback.secret",
                    "must be at least " + ConfigCallback.MIN_SECRET_LENGTH + " characters"));
        }
        long timeoutMs = fields.timeoutMs().orElse(ConfigCallback.DEFAULT_TIMEOUT.toMillis());
        String timeoutProblem = ConfigCallback.timeoutProblem(timeoutMs);
        if (timeoutProblem != null) {
            problems.add(new FieldProblem("config_callback.timeout_ms", timeoutProblem));
        }
        return problems.size() > before ? Optional.empty()
                : Optional.of(new ConfigCallback(url, fields.secret(), Duration.ofMillis(timeoutMs)));
    }

    void failIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    Upstream upstream(String text) {
        return Upstream.parse(text).orElseThrow(() -> DomainException.of(
                ErrorCode.UNKNOWN_UPSTREAM, "Unknown upstream; use openai:<model> or stub."));
    }

    String policy(Optional<String> name) {
        String policy = name.orElse(Agent.DEFAULT_POLICY);
        if (!policies.contains(policy)) {
            throw DomainException.of(ErrorCode.UNKNOWN_POLICY, "Unknown policy; known: " + String.join(", ", policies));
        }
        return policy;
    }

    static boolean names(List<FieldProblem> problems, String field) {
        return problems.stream().anyMatch(problem -> problem.field().equals(field));
    }
}
