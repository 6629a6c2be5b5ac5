package dev.masker.application.port.in;

import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.RequestId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a new agent as the caller sent them, not yet validated, with who asks and the request's id. Absent
 * optional fields take their defaults; a field that could not even be read (e.g. a number where text belongs) is
 * {@code null} here and named in {@code readProblems}, so that the caller hears of every bad field at once.
 */
public record CreateAgentCommand(
        String name,
        String upstream,
        Optional<String> tokenization,
        Optional<String> policyName,
        Optional<String> policyYaml,
        AssistantConfig assistant,
        Optional<CallbackFields> configCallback,
        Optional<List<String>> allowedModels,
        Optional<ForwardFields> forward,
        Optional<CredentialFields> webhookCredential,
        List<FieldProblem> readProblems,
        String principal,
        RequestId requestId) {
    public CreateAgentCommand {
        Objects.requireNonNull(allowedModels, "allowedModels");
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(webhookCredential, "webhookCredential");
        readProblems = List.copyOf(readProblems);
        Objects.requireNonNull(tokenization, "tokenization");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyYaml, "policyYaml");
        Objects.requireNonNull(assistant, "assistant");
        Objects.requireNonNull(configCallback, "configCallback");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** A new agent allowing only its upstream's model. */
    public CreateAgentCommand(
            String name,
            String upstream,
            Optional<String> tokenization,
            Optional<String> policyName,
            Optional<String> policyYaml,
            AssistantConfig assistant,
            Optional<CallbackFields> configCallback,
            List<FieldProblem> readProblems,
            String principal,
            RequestId requestId) {
        this(
                name,
                upstream,
                tokenization,
                policyName,
                policyYaml,
                assistant,
                configCallback,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                readProblems,
                principal,
                requestId);
    }

    /** A new agent without a policy of its own. */
    public CreateAgentCommand(
            String name,
            String upstream,
            Optional<String> tokenization,
            Optional<String> policyName,
            AssistantConfig assistant,
            Optional<CallbackFields> configCallback,
            List<FieldProblem> readProblems,
            String principal,
            RequestId requestId) {
        this(
                name,
                upstream,
                tokenization,
                policyName,
                Optional.empty(),
                assistant,
                configCallback,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                readProblems,
                principal,
                requestId);
    }

    /** The configuration callback's fields as sent; {@code timeoutMs} empty means the default. */
    public record CallbackFields(String url, String secret, Optional<Long> timeoutMs) {
        public CallbackFields {
            Objects.requireNonNull(timeoutMs, "timeoutMs");
        }

        @Override
        public String toString() {
            return "CallbackFields[url=" + url + "]";
        }
    }

    /**
     * The backend to relay the agent's Vapi messages to, as sent; {@code timeoutMs} empty means the default,
     * {@code messages} empty means none besides those that need an answer.
     */
    public record ForwardFields(String url, String secret, Optional<Long> timeoutMs, List<String> messages) {
        public ForwardFields {
            Objects.requireNonNull(timeoutMs, "timeoutMs");
            messages = List.copyOf(messages);
        }

        @Override
        public String toString() {
            return "ForwardFields[url=" + url + "]";
        }
    }

    /**
     * The agent's own webhook credential as sent: {@code type} {@code hmac} (with {@code secret} and Vapi's HMAC settings,
     * each empty for Vapi's default) or {@code bearer} (with the token in {@code secret} and its {@code header}).
     */
    public record CredentialFields(
            String type,
            String secret,
            Optional<String> algorithm,
            Optional<String> signatureHeader,
            Optional<String> signaturePrefix,
            Optional<Boolean> includeTimestamp,
            Optional<String> timestampHeader,
            Optional<Boolean> secretIsBase64,
            Optional<String> header) {
        public CredentialFields {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(signatureHeader, "signatureHeader");
            Objects.requireNonNull(signaturePrefix, "signaturePrefix");
            Objects.requireNonNull(includeTimestamp, "includeTimestamp");
            Objects.requireNonNull(timestampHeader, "timestampHeader");
            Objects.requireNonNull(secretIsBase64, "secretIsBase64");
            Objects.requireNonNull(header, "header");
        }

        @Override
        public String toString() {
            return "CredentialFields[type=" + type + "]";
        }
    }
}
