package dev.masker.application.service;

import dev.masker.application.port.in.CreateAgentCommand.CredentialFields;
import dev.masker.application.port.in.UpdateAgentCommand;
import dev.masker.application.port.in.UpdateAgentCommand.CallbackChange;
import dev.masker.application.port.in.UpdateAgentCommand.FieldChange;
import dev.masker.application.port.in.UpdateAgentCommand.ForwardChange;
import dev.masker.application.port.in.UpdateAgentUseCase;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.ChangeAgentPort;
import dev.masker.application.port.out.ChangeAgentPort.ChangeOutcome;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.ReadPolicyPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.ForwardTarget;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.EventId;
import dev.masker.domain.phi.Kid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Applies a partial update with the same checks as create, and records who changed which fields. */
public final class UpdateAgentService implements UpdateAgentUseCase {
    private final LoadAgentPort agents;
    private final ChangeAgentPort changes;
    private final AppendAuditEventPort audit;
    private final IdGeneratorPort ids;
    private final Clock clock;
    private final AgentFieldRules rules;

    public UpdateAgentService(
            LoadAgentPort agents,
            ChangeAgentPort changes,
            AppendAuditEventPort audit,
            IdGeneratorPort ids,
            Clock clock,
            Set<String> policies) {
        this(agents, changes, audit, ids, clock, policies, AgentFieldRules.NO_CUSTOM_POLICIES, kid -> true);
    }

    /** With custom policies: read by {@code reader}, accepted only for kids {@code hasKey} knows. */
    public UpdateAgentService(
            LoadAgentPort agents,
            ChangeAgentPort changes,
            AppendAuditEventPort audit,
            IdGeneratorPort ids,
            Clock clock,
            Set<String> policies,
            ReadPolicyPort reader,
            Predicate<Kid> hasKey) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = new AgentFieldRules(policies, reader, hasKey);
    }

    @Override
    public Agent update(UpdateAgentCommand command) {
        AgentId id = AgentId.parse(command.agentIdText()).orElseThrow(UpdateAgentService::notFound);
        Agent current = agents.load(id).orElseThrow(UpdateAgentService::notFound);
        List<FieldProblem> problems = new ArrayList<>(command.readProblems());
        command.name().ifPresent(name -> rules.checkName(name, problems));
        Optional<Tokenization> tokenization =
                command.tokenization().flatMap(text -> rules.tokenization(text, problems));
        Optional<ConfigCallback> callback = current.configCallback();
        if (command.configCallback() instanceof CallbackChange.Replace replace) {
            callback = rules.callback(replace.fields(), problems);
        } else if (command.configCallback() instanceof CallbackChange.Remove) {
            callback = Optional.empty();
        }
        AgentFieldRules.checkPolicyChoice(command.policyName(), command.policyYaml(), problems);
        Optional<List<String>> allowedModels =
                command.allowedModels().map(models -> AgentFieldRules.allowedModels(models, problems));
        Optional<ForwardTarget> forward = switch (command.forward()) {
            case ForwardChange.Keep keep -> current.forward();
            case ForwardChange.Remove remove -> Optional.empty();
            case ForwardChange.Replace replace -> AgentFieldRules.forward(replace.fields(), problems);
        };
        Optional<WebhookCredential> credential = switch (command.webhookCredential()) {
            case FieldChange.Keep<CredentialFields> keep -> current.webhookCredential();
            case FieldChange.Remove<CredentialFields> remove -> Optional.empty();
            case FieldChange.Replace<CredentialFields> replace ->
                AgentFieldRules.webhookCredential(replace.fields(), problems);
        };
        command.assistant().ifPresent(assistant -> AgentFieldRules.checkAssistantShape(assistant, problems));
        rules.failIfAny(problems);
        List<String> changed = changedFields(command);
        if (changed.isEmpty()) {
            return current;
        }
        Agent revised = current.revised(
                command.name().map(AgentName::new).orElse(current.name()),
                command.upstream().map(rules::upstream).orElse(current.upstream()),
                tokenization.orElse(current.tokenization()),
                current.policyName(),
                command.assistant().orElse(current.assistantDefaults()),
                callback);
        if (command.policyYaml().isPresent()) {
            AgentFieldRules.ChosenPolicy policy =
                    rules.customPolicy(command.policyYaml().get());
            revised = revised.withPolicy(policy.name(), policy.yaml());
        } else if (command.policyName().isPresent()) {
            revised = revised.withPolicy(rules.policy(command.policyName()), Optional.empty());
        }
        if (allowedModels.isPresent()) {
            revised = revised.withProxyAccess(revised.proxyAccess().withAllowedModels(allowedModels.get()));
        }
        revised = revised.withForward(forward).withWebhookCredential(credential);
        AgentFieldRules.checkAssistantModel(revised);
        if (changes.update(revised) instanceof ChangeOutcome.NotFound) {
            // Deleted between the load and the update.
            throw notFound();
        }
        audit.append(AuditEvent.agentUpdated(
                new EventId(ids.next()), clock.instant(), id, command.principal(), changed, command.requestId()));
        return revised;
    }

    private static List<String> changedFields(UpdateAgentCommand command) {
        List<String> fields = new ArrayList<>();
        command.name().ifPresent(value -> fields.add("name"));
        command.upstream().ifPresent(value -> fields.add("upstream"));
        command.tokenization().ifPresent(value -> fields.add("tokenization"));
        command.policyName().ifPresent(value -> fields.add("policy_name"));
        command.policyYaml().ifPresent(value -> fields.add("policy_yaml"));
        command.assistant().ifPresent(value -> fields.add("assistant"));
        command.allowedModels().ifPresent(value -> fields.add("allowed_models"));
        if (!(command.configCallback() instanceof CallbackChange.Keep)) {
            fields.add("config_callback");
        }
        if (!(command.forward() instanceof ForwardChange.Keep)) {
            fields.add("forward");
        }
        if (!(command.webhookCredential() instanceof FieldChange.Keep)) {
            fields.add("webhook_credential");
        }
        return fields;
    }

    private static DomainException notFound() {
        return DomainException.of(ErrorCode.AGENT_NOT_FOUND, "No agent has this id.");
    }
}
