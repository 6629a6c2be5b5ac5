package dev.masker.application.service;

import dev.masker.application.port.in.AnswerAssistantRequestCommand;
import dev.masker.application.port.in.AnswerAssistantRequestUseCase;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.FetchAssistantOverridesPort;
import dev.masker.application.port.out.FetchAssistantOverridesPort.CallbackOutcome;
import dev.masker.application.port.out.FetchAssistantOverridesPort.CallbackRequest;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.RateLimitPort;
import dev.masker.application.port.out.ReadVapiMessagePort;
import dev.masker.application.port.out.VerifySignaturePort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentUrls;
import dev.masker.domain.agent.ProxyKey;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.assistant.ResolvedAssistant;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.PhoneFingerprinter;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.EventId;
import dev.masker.domain.ratelimit.RateDecision;
import dev.masker.domain.vapi.CallId;
import dev.masker.domain.vapi.VapiCall;
import dev.masker.domain.vapi.VapiMessage;
import java.time.Clock;
import java.util.Objects;

/**
 * Answers Vapi's assistant-request in the order SPEC §4 fixes: rate limit, signature, parse, agent, event type,
 * resolve, rewrite, audit. Nothing is parsed before the signature is checked, and nothing is answered before its
 * {@code call_started} event is durable.
 */
public final class AnswerAssistantRequestService implements AnswerAssistantRequestUseCase {
    private final RateLimitPort rateLimit;
    private final VerifySignaturePort signatures;
    private final ReadVapiMessagePort messages;
    private final LoadAgentPort agents;
    private final FetchAssistantOverridesPort callbacks;
    private final AppendAuditEventPort audit;
    private final IdGeneratorPort ids;
    private final Clock clock;
    private final PhoneFingerprinter fingerprints;
    private final AgentUrls urls;

    public AnswerAssistantRequestService(RateLimitPort rateLimit, VerifySignaturePort signatures,
                                         ReadVapiMessagePort messages, LoadAgentPort agents,
                                         FetchAssistantOverridesPort callbacks, AppendAuditEventPort audit,
                                         IdGeneratorPort ids, Clock clock, PhoneFingerprinter fingerprints,
                                         AgentUrls urls) {
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    @Override
    public AssistantConfig answer(AnswerAssistantRequestCommand command) {
        if (rateLimit.tryAcquire("vapi-webhook:" + command.agentIdText()) instanceof RateDecision.Limited limited) {
            throw DomainException.rateLimited(limited.retryAfter());
        }
        if (signatures.verify(command.delivery()) instanceof VerifySignaturePort.SignatureVerdict.Invalid) {
            throw DomainException.of(ErrorCode.BAD_SIGNATURE, "The webhook signature is missing or wrong.");
        }
        VapiMessage message = messages.read(command.delivery().body());
        // A malformed id is answered without touching the agent store.
        AgentId agentId = AgentId.parse(command.agentIdText()).orElseThrow(AnswerAssistantRequestService::agentNotFound);
        Agent agent = agents.load(agentId).orElseThrow(AnswerAssistantRequestService::agentNotFound);
        if (!message.isAssistantRequest()) {
            throw DomainException.of(ErrorCode.UNSUPPORTED_EVENT, "Only assistant-request messages are handled here.");
        }
        VapiCall call = message.call().orElseThrow(() -> DomainException.invalid("call", "must be an object"));
        CallId callId = call.id().filter(CallId::isValid).map(CallId::new)
                .orElseThrow(() -> DomainException.invalid("call.id", "must be a non-empty string of at most "
                        + CallId.MAX_LENGTH + " printable characters"));

        ResolvedAssistant resolved = resolve(agent, call, message);
        AssistantConfig routed = resolved.config()
                .routedThroughProxy(urls.proxyUrl(agentId), agent.upstream().model(),
                        agent.proxyAccess().key().map(ProxyKey::reveal));

        // A repeated request for the same call finds its event recorded and adds none: Vapi may retry.
        audit.append(AuditEvent.callStarted(new EventId(ids.next()), clock.instant(), agentId, callId,
                call.assistantId(), routed.modelName(), resolved, command.requestId(),
                call.customerNumber().flatMap(fingerprints::fingerprint)));
        return routed;
    }

    private ResolvedAssistant resolve(Agent agent, VapiCall call, VapiMessage message) {
        if (agent.configCallback().isEmpty()) {
            return ResolvedAssistant.fromDefaults(agent.assistantDefaults());
        }
        CallbackOutcome outcome = callbacks.fetch(agent.configCallback().get(),
                new CallbackRequest(agent.id(), call, message.timestamp()));
        return switch (outcome) {
            case CallbackOutcome.Overrides overrides ->
                    ResolvedAssistant.fromCallback(agent.assistantDefaults(), overrides.assistant());
            case CallbackOutcome.Failed failed -> ResolvedAssistant.fallback(agent.assistantDefaults(), failed.reason());
        };
    }

    private static DomainException agentNotFound() {
        return DomainException.of(ErrorCode.AGENT_NOT_FOUND, "No agent has this id.");
    }
}
