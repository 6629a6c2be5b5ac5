package dev.masker.application.service;

import dev.masker.application.port.in.GetReportQuery;
import dev.masker.application.port.in.GetReportUseCase;
import dev.masker.application.port.in.Report;
import dev.masker.application.port.in.Report.AgentPolicy;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.ReadAuditScopePort;
import dev.masker.application.port.out.ReadAuditScopePort.ScopeReading;
import dev.masker.application.port.out.ReadPolicyPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.policy.Policy;
import dev.masker.domain.report.PolicySnapshot;
import dev.masker.domain.report.ReportId;
import dev.masker.domain.report.ReportPeriod;
import dev.masker.domain.report.ReportScope;
import dev.masker.domain.report.SafeHarborCoverage;
import dev.masker.domain.session.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a report from the audit log on every request: nothing is stored, so a report always reflects the log as it
 * is (and the log cannot be changed). A malformed id is answered 404 without touching a store, like the agents API;
 * a deleted agent's reports still work, because its events are kept.
 */
public final class GetReportService implements GetReportUseCase {
    /** The relative periods {@code since} takes, as the sessions list takes them. */
    private static final Map<String, Duration> RELATIVE = Map.of(
            "1h",
            Duration.ofHours(1),
            "24h",
            Duration.ofHours(24),
            "7d",
            Duration.ofDays(7),
            "30d",
            Duration.ofDays(30));

    private static final Duration DEFAULT_PERIOD = Duration.ofHours(24);
    /** The longest period a report covers: a year, charted in at most 367 days. */
    private static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final LoadAgentPort agents;
    private final ReadAuditScopePort audit;
    private final Map<String, Policy> builtInPolicies;
    private final ReadPolicyPort policyReader;
    private final IdGeneratorPort ids;
    private final Clock clock;

    public GetReportService(
            LoadAgentPort agents,
            ReadAuditScopePort audit,
            Map<String, Policy> builtInPolicies,
            ReadPolicyPort policyReader,
            IdGeneratorPort ids,
            Clock clock) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.builtInPolicies = Map.copyOf(builtInPolicies);
        this.policyReader = Objects.requireNonNull(policyReader, "policyReader");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Report report(GetReportQuery query) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>(query.problems());
        ReportScope scope;
        Optional<ReportPeriod> period;
        switch (query.kind()) {
            case SESSION -> {
                SessionId session = query.idText().flatMap(SessionId::parse).orElseThrow(GetReportService::noSession);
                scope = new ReportScope.Session(session);
                period = Optional.empty();
            }
            case AGENT -> {
                AgentId agent = query.idText().flatMap(AgentId::parse).orElseThrow(GetReportService::noAgent);
                period = period(query, now, problems);
                scope = period.<ReportScope>map(within -> new ReportScope.Agent(agent, within))
                        .orElse(null);
            }
            case DEPLOYMENT -> {
                period = period(query, now, problems);
                scope = period.<ReportScope>map(ReportScope.Deployment::new).orElse(null);
            }
            default -> throw new IllegalStateException("unknown report kind " + query.kind());
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        if (scope instanceof ReportScope.Agent agentScope
                && agents.load(agentScope.agent()).isEmpty()
                && !audit.hasEvents(agentScope.agent())) {
            throw noAgent();
        }
        ChronoUnit bucket = period.map(ReportPeriod::timelineBucket).orElse(ChronoUnit.HOURS);
        ScopeReading reading = audit.read(scope, bucket).orElseThrow(GetReportService::noSession);
        if (scope instanceof ReportScope.Session) {
            period = reading.activity()
                    .firstAt()
                    .flatMap(first -> reading.activity()
                            .lastAt()
                            .filter(first::isBefore)
                            .map(last -> new ReportPeriod(first, last)));
        }
        Set<AgentId> involved = new LinkedHashSet<>();
        if (scope instanceof ReportScope.Agent agentScope) {
            involved.add(agentScope.agent());
        }
        involved.addAll(reading.activity().agents());
        List<AgentPolicy> policies = involved.stream().map(this::policy).toList();
        return new Report(
                new ReportId(ids.next()),
                scope,
                period,
                now,
                reading.activity(),
                reading.proof(),
                reading.check(),
                policies);
    }

    private AgentPolicy policy(AgentId id) {
        Optional<Agent> agent = agents.load(id);
        if (agent.isEmpty()) {
            return new AgentPolicy(id, false, Optional.empty(), List.of());
        }
        Optional<String> yaml = agent.get().customPolicyYaml();
        Policy policy = yaml.isPresent()
                ? policyReader.read(yaml.get())
                : builtInPolicies.get(agent.get().policyName());
        if (policy == null) {
            // Checked when the agent was saved; a server that no longer ships the policy cannot show it.
            return new AgentPolicy(id, false, Optional.empty(), List.of());
        }
        return new AgentPolicy(
                id, yaml.isPresent(), Optional.of(PolicySnapshot.of(policy)), SafeHarborCoverage.of(policy));
    }

    /** The period the query names (default: the last 24 hours), or empty with its problems added. */
    private static Optional<ReportPeriod> period(GetReportQuery query, Instant now, List<FieldProblem> problems) {
        Optional<Instant> since = query.since().isEmpty()
                ? Optional.of(now.minus(DEFAULT_PERIOD))
                : since(query.since().get(), now);
        if (since.isEmpty()) {
            problems.add(new FieldProblem(
                    "since",
                    "must be 1h, 24h, 7d, 30d or an ISO-8601 UTC instant such as " + "2026-05-03T21:14:32.481Z"));
        }
        Optional<Instant> until = query.until().isEmpty()
                ? Optional.of(now)
                : instant(query.until().get());
        if (until.isEmpty()) {
            problems.add(new FieldProblem("until", "must be an ISO-8601 UTC instant such as 2026-05-03T21:14:32.481Z"));
        }
        if (since.isEmpty() || until.isEmpty()) {
            return Optional.empty();
        }
        if (!since.get().isBefore(until.get())) {
            problems.add(new FieldProblem("since", "must be before until"));
            return Optional.empty();
        }
        if (Duration.between(since.get(), until.get()).compareTo(LONGEST_PERIOD) > 0) {
            problems.add(new FieldProblem("since", "must be at most 366 days before until"));
            return Optional.empty();
        }
        return Optional.of(new ReportPeriod(since.get(), until.get()));
    }

    private static Optional<Instant> since(String text, Instant now) {
        Duration relative = RELATIVE.get(text);
        return relative != null ? Optional.of(now.minus(relative)) : instant(text);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static DomainException noSession() {
        return DomainException.of(ErrorCode.SESSION_NOT_FOUND, "No session has this id.");
    }

    private static DomainException noAgent() {
        return DomainException.of(ErrorCode.AGENT_NOT_FOUND, "No agent has this id.");
    }
}
