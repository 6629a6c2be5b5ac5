package dev.masker.application.service;

import dev.masker.application.port.in.CreateAgentCommand;
import dev.masker.application.port.in.CreateAgentUseCase;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.EventId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Validates every field of a new agent, reports all problems at once, stores it and records who created it. */
public final class CreateAgentService implements CreateAgentUseCase {
    private final SaveAgentPort store;
    private final AppendAuditEventPort audit;
    private final IdGeneratorPort ids;
    private final Clock clock;
    private final AgentFieldRules rules;

    public CreateAgentService(SaveAgentPort store, AppendAuditEventPort audit, IdGeneratorPort ids, Clock clock,
                              Set<String> policies) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = new AgentFieldRules(policies);
    }

    @Override
    public Agent create(CreateAgentCommand command) {
        List<FieldProblem> problems = new ArrayList<>(command.readProblems());
        rules.checkName(command.name(), problems);
        Optional<Tokenization> tokenization = command.tokenization().isEmpty()
                ? Optional.of(Tokenization.VAULT_DETERMINISTIC)
                : rules.tokenization(command.tokenization().get(), problems);
        Optional<ConfigCallback> callback = command.configCallback().flatMap(fields -> rules.callback(fields, problems));
        if (command.upstream() == null && !AgentFieldRules.names(problems, "upstream")) {
            problems.add(new FieldProblem("upstream", "is required"));
        }
        rules.failIfAny(problems);
        Upstream upstream = rules.upstream(command.upstream());
        String policy = rules.policy(command.policyName());
        Agent agent = Agent.create(new AgentId(ids.next()), new AgentName(command.name()), upstream, tokenization.get(),
                policy, command.assistant(), callback, clock.instant());
        store.create(agent);
        audit.append(AuditEvent.agentCreated(new EventId(ids.next()), clock.instant(), agent.id(), command.principal(),
                callback, command.requestId()));
        return agent;
    }
}
