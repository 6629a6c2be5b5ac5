package dev.masker.application.service;

import dev.masker.application.port.in.CreateAgentCommand.CallbackFields;
import dev.masker.application.port.in.CreateAgentCommand.CredentialFields;
import dev.masker.application.port.in.CreateAgentCommand.ForwardFields;
import dev.masker.application.port.out.ReadPolicyPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.ForwardTarget;
import dev.masker.domain.agent.ProxyAccess;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.agent.WebhookCredential.Algorithm;
import dev.masker.domain.agent.WebhookCredential.Bearer;
import dev.masker.domain.agent.WebhookCredential.Hmac;
import dev.masker.domain.agent.WebhookCredential.Timestamp;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.assistant.VapiAssistantShape;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.policy.Policy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The checks an agent's fields pass, shared by create and update: problems with a field's value are collected so the
 * caller hears of all of them at once; an unknown upstream or policy is its own error code, reported after them.
 */
final class AgentFieldRules {
    /** A reader for when custom policies are not wired: every {@code policy_yaml} is refused. */
    static final ReadPolicyPort NO_CUSTOM_POLICIES = yaml -> {
        throw DomainException.invalidPolicy(
                List.of(new FieldProblem("policy_yaml", "custom policies are not enabled")));
    };

    /** The policy an agent ends up with: a named one, or its own (name and YAML). */
    record ChosenPolicy(String name, Optional<String> yaml) {}

    private final Set<String> policies;
    private final ReadPolicyPort reader;
    private final Predicate<Kid> hasKey;

    AgentFieldRules(Set<String> policies, ReadPolicyPort reader, Predicate<Kid> hasKey) {
        this.policies = Set.copyOf(policies);
        this.reader = Objects.requireNonNull(reader, "reader");
        this.hasKey = Objects.requireNonNull(hasKey, "hasKey");
    }

    /** The allowed models, each a model name, at most 20 (a problem is reported with the others). */
    static List<String> allowedModels(List<String> models, List<FieldProblem> problems) {
        Optional<String> problem = ProxyAccess.allowedModelsProblem(models);
        problem.ifPresent(text -> problems.add(new FieldProblem("allowed_models", text)));
        return problem.isPresent() ? List.of() : models;
    }

    /** Both policy fields at once is a field problem, reported with the others. */
    static void checkPolicyChoice(Optional<String> name, Optional<String> yaml, List<FieldProblem> problems) {
        if (name.isPresent() && yaml.isPresent()) {
            problems.add(
                    new FieldProblem("policy_name", "policy_name and policy_yaml are mutually exclusive; send one"));
            problems.add(
                    new FieldProblem("policy_yaml", "policy_name and policy_yaml are mutually exclusive; send one"));
        }
    }

    /**
     * The agent's own policy read from YAML: {@code policy_yaml_invalid} when it cannot be read, takes a built-in
     * policy's name, or names a kid this server has no key for.
     */
    ChosenPolicy customPolicy(String yaml) {
        Policy policy = reader.read(yaml);
        List<FieldProblem> problems = new ArrayList<>();
        if (policies.contains(policy.name())) {
            problems.add(new FieldProblem("name", "is a built-in policy's name; choose it with policy_name instead"));
        }
        if (!hasKey.test(policy.kid())) {
            problems.add(new FieldProblem(
                    "kid",
                    "this server has no key for kid " + policy.kid() + ": set "
                            + policy.kid().keyVariable()
                            + " (base64 of 32 random bytes) and restart, or use a kid it has"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidPolicy(problems);
        }
        return new ChosenPolicy(policy.name(), Optional.of(yaml));
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
        URI url = endpoint("config_callback", fields.url(), fields.secret(), problems);
        long timeoutMs = fields.timeoutMs().orElse(ConfigCallback.DEFAULT_TIMEOUT.toMillis());
        String timeoutProblem = ConfigCallback.timeoutProblem(timeoutMs);
        if (timeoutProblem != null) {
            problems.add(new FieldProblem("config_callback.timeout_ms", timeoutProblem));
        }
        return problems.size() > before
                ? Optional.empty()
                : Optional.of(new ConfigCallback(url, fields.secret(), Duration.ofMillis(timeoutMs)));
    }

    /** The backend to relay the agent's Vapi messages to, or the problems of its fields (named {@code forward.*}). */
    static Optional<ForwardTarget> forward(ForwardFields fields, List<FieldProblem> problems) {
        int before = problems.size();
        URI url = endpoint("forward", fields.url(), fields.secret(), problems);
        long timeoutMs = fields.timeoutMs().orElse(ForwardTarget.DEFAULT_TIMEOUT.toMillis());
        String timeoutProblem = ForwardTarget.timeoutProblem(timeoutMs);
        if (timeoutProblem != null) {
            problems.add(new FieldProblem("forward.timeout_ms", timeoutProblem));
        }
        if (fields.messages().size() > ForwardTarget.MAX_MESSAGES) {
            problems.add(new FieldProblem(
                    "forward.messages", "must list at most " + ForwardTarget.MAX_MESSAGES + " message types"));
        }
        for (int i = 0; i < fields.messages().size(); i++) {
            String type = fields.messages().get(i);
            String problem = type == null ? "must be a string" : ForwardTarget.messageProblem(type);
            if (problem != null) {
                problems.add(new FieldProblem("forward.messages[" + i + "]", problem));
            }
        }
        return problems.size() > before
                ? Optional.empty()
                : Optional.of(new ForwardTarget(
                        url, fields.secret(), Duration.ofMillis(timeoutMs), Set.copyOf(fields.messages())));
    }

    /**
     * The agent's own webhook credential, or the problems of its fields (named {@code webhook_credential.*}). Unset HMAC
     * settings take Vapi's defaults: SHA-256 in {@code x-signature}, over {@code "<timestamp>.<body>"} with the timestamp
     * in {@code x-timestamp}; a bearer token is read from {@code Authorization}.
     */
    static Optional<WebhookCredential> webhookCredential(CredentialFields fields, List<FieldProblem> problems) {
        int before = problems.size();
        String field = "webhook_credential.";
        if (fields.secret() == null || fields.secret().length() < WebhookCredential.MIN_SECRET_LENGTH) {
            problems.add(new FieldProblem(
                    field + ("bearer".equals(fields.type()) ? "token" : "secret"),
                    "must be at least " + WebhookCredential.MIN_SECRET_LENGTH + " characters"));
        }
        for (var header : List.of(
                Map.entry("signature_header", fields.signatureHeader()),
                Map.entry("timestamp_header", fields.timestampHeader()),
                Map.entry("header", fields.header()))) {
            header.getValue()
                    .map(WebhookCredential::headerProblem)
                    .ifPresent(problem -> problems.add(new FieldProblem(field + header.getKey(), problem)));
        }
        if ("hmac".equals(fields.type())) {
            Optional<Algorithm> algorithm =
                    fields.algorithm().map(name -> Algorithm.named(name).orElse(null));
            if (algorithm.isEmpty() && fields.algorithm().isPresent()) {
                problems.add(new FieldProblem(field + "algorithm", "must be sha256, sha512 or sha1"));
            }
            boolean base64 = fields.secretIsBase64().orElse(false);
            if (base64 && fields.secret() != null && !Hmac.isBase64(fields.secret())) {
                problems.add(new FieldProblem(field + "secret", "must be base64 while secret_is_base64 is true"));
            }
            return problems.size() > before
                    ? Optional.empty()
                    : Optional.of(new Hmac(
                            fields.secret(),
                            base64,
                            algorithm.orElse(Algorithm.SHA256),
                            fields.signatureHeader().orElse(Hmac.DEFAULT_SIGNATURE_HEADER),
                            fields.signaturePrefix(),
                            fields.includeTimestamp().orElse(true) ? Timestamp.REQUIRED : Timestamp.NONE,
                            fields.timestampHeader().orElse(Hmac.DEFAULT_TIMESTAMP_HEADER)));
        }
        if ("bearer".equals(fields.type())) {
            return problems.size() > before
                    ? Optional.empty()
                    : Optional.of(new Bearer(fields.secret(), fields.header().orElse(Bearer.DEFAULT_HEADER)));
        }
        problems.add(new FieldProblem(field + "type", "must be hmac or bearer"));
        return Optional.empty();
    }

    /**
     * The URL of a clinic's endpoint Masker calls with a signed request (the callback, the forward target), adding the
     * problems of it and of its signing secret under {@code field}; null when the URL cannot be used.
     */
    private static URI endpoint(String field, String urlText, String secret, List<FieldProblem> problems) {
        URI url = null;
        try {
            url = urlText == null ? null : new URI(urlText);
        } catch (URISyntaxException e) {
            // Reported below as a field problem; the URL itself is not echoed.
        }
        String urlProblem = url == null ? "must be an absolute http or https URL" : ConfigCallback.urlProblem(url);
        if (urlProblem != null) {
            problems.add(new FieldProblem(field + ".url", urlProblem));
        }
        if (secret == null || secret.length() < ConfigCallback.MIN_SECRET_LENGTH) {
            problems.add(new FieldProblem(
                    field + ".secret", "must be at least " + ConfigCallback.MIN_SECRET_LENGTH + " characters"));
        }
        return urlProblem == null ? url : null;
    }

    /**
     * The assistant's top-level fields checked against Vapi's assistant object (names and JSON types; what is inside a
     * field is Vapi's to judge), each problem named {@code assistant.<field>} and reported with the others. Only what
     * a caller sends is checked: a stored agent is never checked again when it is read.
     */
    static void checkAssistantShape(AssistantConfig assistant, List<FieldProblem> problems) {
        VapiAssistantShape.vapi()
                .problemsOf(assistant)
                .forEach(problem -> problems.add(new FieldProblem("assistant." + problem.field(), problem.problem())));
    }

    /**
     * Refuses an agent whose assistant names a model its own proxy would refuse on every turn: a named
     * {@code assistant.model.model} must be the upstream's model or one of {@code allowed_models}. (Left out, the
     * upstream's model is filled in.)
     */
    static void checkAssistantModel(Agent agent) {
        String model = agent.assistantDefaults().modelName();
        if (!model.isBlank() && !agent.allowsModel(model)) {
            throw DomainException.invalid(
                    "assistant.model.model",
                    "must be the upstream's model (" + agent.upstream().model()
                            + ") or one of allowed_models, or the proxy refuses every turn");
        }
    }

    void failIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    Upstream upstream(String text) {
        return Upstream.parse(text)
                .orElseThrow(() -> DomainException.of(
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
