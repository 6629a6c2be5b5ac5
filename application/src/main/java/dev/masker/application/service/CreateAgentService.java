package dev.masker.application.service;

import dev.masker.application.port.in.CreateAgentCommand;
import dev.masker.application.port.in.CreateAgentUseCase;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.ReadPolicyPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.ForwardTarget;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.audit.AuditEvent;
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

/**
 * Validates every field of a new agent, reports all problems at once, stores it (with the fresh proxy key every new
 * agent gets) and records who created it.
 */
public final class CreateAgentService implements CreateAgentUseCase {
    private final SaveAgentPort store;
    private final AppendAuditEventPort audit;
    private final IdGeneratorPort ids;
    private final Clock clock;
    private final AgentFieldRules rules;

    public CreateAgentService(
            SaveAgentPort store, AppendAuditEventPort audit, IdGeneratorPort ids, Clock clock, Set<String> policies) {
        this(store, audit, ids, clock, policies, AgentFieldRules.NO_CUSTOM_POLICIES, kid -> true);
    }

    /** With custom policies: read by {@code reader}, accepted only for kids {@code hasKey} knows. */
    public CreateAgentService(
            SaveAgentPort store,
            AppendAuditEventPort audit,
            IdGeneratorPort ids,
            Clock clock,
            Set<String> policies,
            ReadPolicyPort reader,
            Predicate<Kid> hasKey) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = new AgentFieldRules(policies, reader, hasKey);
    }

    @Override
    public Agent create(CreateAgentCommand command) {
        List<FieldProblem> problems = new ArrayList<>(command.readProblems());
        rules.checkName(command.name(), problems);
        Optional<Tokenization> tokenization = command.tokenization().isEmpty()
                ? Optional.of(Tokenization.VAULT_DETERMINISTIC)
                : rules.tokenization(command.tokenization().get(), problems);
        Optional<ConfigCallback> callback =
                command.configCallback().flatMap(fields -> rules.callback(fields, problems));
        if (command.upstream() == null && !AgentFieldRules.names(problems, "upstream")) {
            problems.add(new FieldProblem("upstream", "is required"));
        }
        AgentFieldRules.checkPolicyChoice(command.policyName(), command.policyYaml(), problems);
        List<String> allowedModels =
                AgentFieldRules.allowedModels(command.allowedModels().orElse(List.of()), problems);
        Optional<ForwardTarget> forward =
                command.forward().flatMap(fields -> AgentFieldRules.forward(fields, problems));
        Optional<WebhookCredential> credential =
                command.webhookCredential().flatMap(fields -> AgentFieldRules.webhookCredential(fields, problems));
        AgentFieldRules.checkAssistantShape(command.assistant(), problems);
        rules.failIfAny(problems);
        Upstream upstream = rules.upstream(command.upstream());
        AgentFieldRules.ChosenPolicy policy = command.policyYaml().isPresent()
                ? rules.customPolicy(command.policyYaml().get())
                : new AgentFieldRules.ChosenPolicy(rules.policy(command.policyName()), Optional.empty());
        Agent agent = Agent.create(
                        new AgentId(ids.next()),
                        new AgentName(command.name()),
                        upstream,
                        tokenization.get(),
                        policy.name(),
                        command.assistant(),
                        callback,
                        clock.instant())
                .withPolicy(policy.name(), policy.yaml());
        agent = agent.withProxyAccess(agent.proxyAccess().withAllowedModels(allowedModels))
                .withForward(forward)
                .withWebhookCredential(credential);
        AgentFieldRules.checkAssistantModel(agent);
        store.create(agent);
        audit.append(AuditEvent.agentCreated(
                new EventId(ids.next()),
                clock.instant(),
                agent.id(),
                command.principal(),
                callback,
                command.requestId()));
        return agent;
    }
}
