package dev.masker.application.port.in;

import dev.masker.application.port.in.CreateAgentCommand.CallbackFields;
import dev.masker.application.port.in.CreateAgentCommand.CredentialFields;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.RequestId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A partial update as the caller sent it: an empty field is left as it is. Fields that could not be read are named in
 * {@code readProblems}, to be reported with the value problems.
 */
public record UpdateAgentCommand(
        String agentIdText,
        Optional<String> name,
        Optional<String> upstream,
        Optional<String> tokenization,
        Optional<String> policyName,
        Optional<String> policyYaml,
        Optional<AssistantConfig> assistant,
        CallbackChange configCallback,
        Optional<List<String>> allowedModels,
        ForwardChange forward,
        FieldChange<CredentialFields> webhookCredential,
        List<FieldProblem> readProblems,
        String principal,
        RequestId requestId) {
    public UpdateAgentCommand {
        Objects.requireNonNull(allowedModels, "allowedModels");
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(webhookCredential, "webhookCredential");
        Objects.requireNonNull(agentIdText, "agentIdText");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(tokenization, "tokenization");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyYaml, "policyYaml");
        Objects.requireNonNull(assistant, "assistant");
        Objects.requireNonNull(configCallback, "configCallback");
        readProblems = List.copyOf(readProblems);
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** An update that leaves the allowed models as they are. */
    public UpdateAgentCommand(
            String agentIdText,
            Optional<String> name,
            Optional<String> upstream,
            Optional<String> tokenization,
            Optional<String> policyName,
            Optional<String> policyYaml,
            Optional<AssistantConfig> assistant,
            CallbackChange configCallback,
            List<FieldProblem> readProblems,
            String principal,
            RequestId requestId) {
        this(
                agentIdText,
                name,
                upstream,
                tokenization,
                policyName,
                policyYaml,
                assistant,
                configCallback,
                Optional.empty(),
                new ForwardChange.Keep(),
                new FieldChange.Keep<>(),
                readProblems,
                principal,
                requestId);
    }

    /** An update that leaves any policy of the agent's own as it is unless {@code policyName} replaces it. */
    public UpdateAgentCommand(
            String agentIdText,
            Optional<String> name,
            Optional<String> upstream,
            Optional<String> tokenization,
            Optional<String> policyName,
            Optional<AssistantConfig> assistant,
            CallbackChange configCallback,
            List<FieldProblem> readProblems,
            String principal,
            RequestId requestId) {
        this(
                agentIdText,
                name,
                upstream,
                tokenization,
                policyName,
                Optional.empty(),
                assistant,
                configCallback,
                Optional.empty(),
                new ForwardChange.Keep(),
                new FieldChange.Keep<>(),
                readProblems,
                principal,
                requestId);
    }

    /** What to do with the configuration callback. */
    public sealed interface CallbackChange {
        /** Leave it as it is. */
        record Keep() implements CallbackChange {}

        /** Remove it: the agent answers with its static defaults. */
        record Remove() implements CallbackChange {}

        /** Set it to these fields. */
        record Replace(CallbackFields fields) implements CallbackChange {}
    }

    /** What to do with the backend the agent's Vapi messages are relayed to. */
    public sealed interface ForwardChange {
        /** Leave it as it is. */
        record Keep() implements ForwardChange {}

        /** Remove it: messages that need an answer are answered as failures. */
        record Remove() implements ForwardChange {}

        /** Set it to these fields. */
        record Replace(CreateAgentCommand.ForwardFields fields) implements ForwardChange {}
    }

    /** What to do with an optional field of an agent: leave it, remove it, or set it to what was sent. */
    public sealed interface FieldChange<T> {
        /** Leave it as it is. */
        record Keep<T>() implements FieldChange<T> {}

        /** Remove it. */
        record Remove<T>() implements FieldChange<T> {}

        /** Set it to these fields. */
        record Replace<T>(T fields) implements FieldChange<T> {}
    }
}
