package dev.masker.application.service;

import dev.masker.application.port.in.CreateAgentCommand;
import dev.masker.application.port.in.CreateAgentCommand.CallbackFields;
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
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.EventId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
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
    private final Set<String> policies;

    public CreateAgentService(SaveAgentPort store, AppendAuditEventPort audit, IdGeneratorPort ids, Clock clock,
                              Set<String> policies) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policies = Set.copyOf(policies);
    }

    @Override
    public Agent create(CreateAgentCommand command) {
        List<FieldProblem> problems = new ArrayList<>(command.readProblems());
        String nameProblem = AgentName.problemWith(command.name());
        if (nameProblem != null && !names(problems, "name")) {
            problems.add(new FieldProblem("name", command.name() == null ? "is required" : nameProblem));
        }
        Optional<Tokenization> tokenization = command.tokenization().isEmpty()
                ? Optional.of(Tokenization.VAULT_DETERMINISTIC)
                : command.tokenization().flatMap(Tokenization::parse);
        if (tokenization.isEmpty()) {
            problems.add(new FieldProblem("tokenization", "must be vault-deterministic or reversible-aead"));
        }
        Optional<ConfigCallback> callback = command.configCallback().flatMap(fields -> callback(fields, problems));
        if (command.upstream() == null && !names(problems, "upstream")) {
            problems.add(new FieldProblem("upstream", "is required"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        Upstream upstream = Upstream.parse(command.upstream()).orElseThrow(() -> DomainException.of(
                ErrorCode.UNKNOWN_UPSTREAM, "Unknown upstream; use openai:<model> or stub."));
        String policy = command.policyName().orElse(Agent.DEFAULT_POLICY);
        if (!policies.contains(policy)) {
            throw DomainException.of(ErrorCode.UNKNOWN_POLICY, "Unknown policy; known: " + String.join(", ", policies));
        }
        Agent agent = Agent.create(new AgentId(ids.next()), new AgentName(command.name()), upstream, tokenization.get(),
                policy, command.assistant(), callback, clock.instant());
        store.create(agent);
        audit.append(AuditEvent.agentCreated(new EventId(ids.next()), clock.instant(), agent.id(), command.principal(),
                callback, command.requestId()));
        return agent;
    }

    private static boolean names(List<FieldProblem> problems, String field) {
        return problems.stream().anyMatch(problem -> problem.field().equals(field));
    }

    private static Optional<ConfigCallback> callback(CallbackFields fields, List<FieldProblem> problems) {
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
}
