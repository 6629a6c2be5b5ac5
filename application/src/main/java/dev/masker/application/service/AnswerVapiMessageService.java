package dev.masker.application.service;

import dev.masker.application.port.in.AnswerVapiMessageCommand;
import dev.masker.application.port.in.AnswerVapiMessageUseCase;
import dev.masker.application.port.in.VapiAnswer;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.FetchAssistantOverridesPort;
import dev.masker.application.port.out.FetchAssistantOverridesPort.CallbackOutcome;
import dev.masker.application.port.out.FetchAssistantOverridesPort.CallbackRequest;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.LimitRequestRatePort;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.ProxySessionPort;
import dev.masker.application.port.out.ProxySessionPort.CallSession;
import dev.masker.application.port.out.ReadVapiMessagePort;
import dev.masker.application.port.out.RelayVapiMessagePort;
import dev.masker.application.port.out.RelayVapiMessagePort.RelayOutcome;
import dev.masker.application.port.out.SessionTurnTotalsPort;
import dev.masker.application.port.out.SessionTurnTotalsPort.TurnTotals;
import dev.masker.application.port.out.VerifySignaturePort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentUrls;
import dev.masker.domain.agent.ForwardTarget;
import dev.masker.domain.agent.ProxyKey;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.assistant.CallbackFailure;
import dev.masker.domain.assistant.ResolvedAssistant;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.AuditEvent.CallTotals;
import dev.masker.domain.audit.PhoneFingerprinter;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.EventId;
import dev.masker.domain.ratelimit.RateDecision;
import dev.masker.domain.vapi.CallId;
import dev.masker.domain.vapi.VapiCall;
import dev.masker.domain.vapi.VapiMessage;
import dev.masker.domain.vapi.VapiMessageKind;
import dev.masker.domain.vapi.VapiToolCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers Vapi's server messages in the order SPEC §4 fixes: rate limit, signature (the agent's own credential when it
 * has one, else the deployment's), parse, agent, event type, then by
 * kind: the assistant-request is resolved, rewritten and audited; the end-of-call report ends the call's session and is
 * audited; a message that needs an answer is relayed to the agent's backend and its answer passed on (or, without one,
 * gets the answer Vapi reads as a failure); every other message an empty 200, relayed in the background when the
 * agent's backend lists its type. Nothing is parsed before the signature is checked, and nothing is answered before its audit
 * event is durable.
 */
public final class AnswerVapiMessageService implements AnswerVapiMessageUseCase {
    private static final System.Logger LOG = System.getLogger(AnswerVapiMessageService.class.getName());
    /** What Vapi is told when no backend answers a message that needs one. */
    static final String NO_BACKEND = "No backend answered this message through Masker.";

    private final LimitRequestRatePort rateLimit;
    private final VerifySignaturePort signatures;
    private final ReadVapiMessagePort messages;
    private final LoadAgentPort agents;
    private final FetchAssistantOverridesPort callbacks;
    private final AppendAuditEventPort audit;
    private final ProxySessionPort sessions;
    private final SessionTurnTotalsPort turnTotals;
    private final RelayVapiMessagePort relay;
    private final IdGeneratorPort ids;
    private final Clock clock;
    private final PhoneFingerprinter fingerprints;
    private final AgentUrls urls;
    private final Duration replayWindow;

    /** The ports the webhook reads and writes through. */
    public record Ports(
            LimitRequestRatePort rateLimit,
            VerifySignaturePort signatures,
            ReadVapiMessagePort messages,
            LoadAgentPort agents,
            FetchAssistantOverridesPort callbacks,
            AppendAuditEventPort audit,
            ProxySessionPort sessions,
            SessionTurnTotalsPort turnTotals,
            RelayVapiMessagePort relay,
            IdGeneratorPort ids) {}

    /**
     * @param replayWindow how far the time stamp in an assistant-request or a message that needs an answer may be from
     *        now: a body signed without a time stamp in its signature could otherwise be sent again much later
     */
    public AnswerVapiMessageService(
            Ports ports, Clock clock, PhoneFingerprinter fingerprints, AgentUrls urls, Duration replayWindow) {
        this.rateLimit = Objects.requireNonNull(ports.rateLimit(), "rateLimit");
        this.signatures = Objects.requireNonNull(ports.signatures(), "signatures");
        this.messages = Objects.requireNonNull(ports.messages(), "messages");
        this.agents = Objects.requireNonNull(ports.agents(), "agents");
        this.callbacks = Objects.requireNonNull(ports.callbacks(), "callbacks");
        this.audit = Objects.requireNonNull(ports.audit(), "audit");
        this.sessions = Objects.requireNonNull(ports.sessions(), "sessions");
        this.turnTotals = Objects.requireNonNull(ports.turnTotals(), "turnTotals");
        this.relay = Objects.requireNonNull(ports.relay(), "relay");
        this.ids = Objects.requireNonNull(ports.ids(), "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.replayWindow = Objects.requireNonNull(replayWindow, "replayWindow");
    }

    @Override
    public VapiAnswer answer(AnswerVapiMessageCommand command) {
        if (rateLimit.tryAcquire("vapi-webhook:" + command.agentIdText()) instanceof RateDecision.Limited limited) {
            throw DomainException.rateLimited(limited.retryAfter());
        }
        // The agent is looked up first, by the path alone, for its own credential; a malformed id is answered without
        // touching the agent store. An unknown agent is told apart only to a caller holding the deployment's
        // credential.
        Optional<Agent> found = AgentId.parse(command.agentIdText()).flatMap(agents::load);
        Optional<WebhookCredential> credential = found.flatMap(Agent::webhookCredential);
        if (signatures.verify(command.delivery(), credential)
                instanceof VerifySignaturePort.SignatureVerdict.Invalid invalid) {
            // Which check failed helps an operator fix Vapi's credential; the answer to the caller stays the same.
            LOG.log(
                    System.Logger.Level.WARNING,
                    () -> "vapi webhook refused (bad_signature): " + invalid.reason()
                            + (credential.isPresent() ? " (the agent's own credential)" : "")
                            + ", request " + command.requestId().value());
            throw DomainException.of(ErrorCode.BAD_SIGNATURE, "The webhook signature is missing or wrong.");
        }
        VapiMessage message = messages.read(command.delivery().body());
        Agent agent = found.orElseThrow(AnswerVapiMessageService::agentNotFound);
        VapiMessageKind kind = message.kind()
                .orElseThrow(() -> DomainException.of(ErrorCode.UNSUPPORTED_EVENT, "The message has no type."));
        // A signed assistant-request answers with the agent's proxy key, and a relayed message may make the clinic act:
        // neither is answered when its own signed time stamp shows it was sent long ago.
        if ((kind == VapiMessageKind.ASSISTANT_REQUEST || kind == VapiMessageKind.NEEDS_ANSWER)
                && message.isStale(clock.instant(), replayWindow)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    () -> "vapi webhook refused (bad_signature): stale message timestamp"
                            + " (a delivery sent again?), request "
                            + command.requestId().value());
            throw DomainException.of(ErrorCode.BAD_SIGNATURE, "The webhook signature is missing or wrong.");
        }
        return switch (kind) {
            case ASSISTANT_REQUEST -> VapiAnswer.assistant(assistant(agent, message, command));
            case END_OF_CALL_REPORT -> {
                VapiAnswer answer = endCall(agent, message, command);
                relayIfListed(agent, message, command);
                yield answer;
            }
            case NEEDS_ANSWER ->
                agent.forward()
                        .map(target -> relayed(agent, target, message, command))
                        .orElseGet(() -> failure(agent, message, "no backend is configured for it"));
            case INFORMATIONAL -> {
                relayIfListed(agent, message, command);
                yield VapiAnswer.EMPTY;
            }
        };
    }

    /** The backend's answer to a message that needs one, or the failure answer when it gives none. */
    private VapiAnswer relayed(
            Agent agent, ForwardTarget target, VapiMessage message, AnswerVapiMessageCommand command) {
        return switch (relay.relay(target, command.delivery().body())) {
            case RelayOutcome.Answered answered -> VapiAnswer.relayed(answered.json());
            case RelayOutcome.Failed failed ->
                failure(agent, message, "the relay to its backend failed (" + failed.reason() + ")");
        };
    }

    /** Relays an informational message when the agent's backend asked for its type; Vapi's answer never waits on it. */
    private void relayIfListed(Agent agent, VapiMessage message, AnswerVapiMessageCommand command) {
        agent.forward()
                .filter(target -> target.relays(message.type().orElseThrow()))
                .ifPresent(target ->
                        relay.relayInBackground(target, command.delivery().body()));
    }

    private AssistantConfig assistant(Agent agent, VapiMessage message, AnswerVapiMessageCommand command) {
        VapiCall call = message.call().orElseThrow(() -> DomainException.invalid("call", "must be an object"));
        CallId callId = callId(call);
        // Recorded in the audit log beside the call id, so held to the same form.
        if (call.assistantId().filter(id -> !CallId.isValid(id)).isPresent()) {
            throw DomainException.invalid(
                    "call.assistantId",
                    "must be a non-empty string of at most " + CallId.MAX_LENGTH + " printable characters");
        }
        ResolvedAssistant resolved = resolve(agent, call, message);
        AssistantConfig routed = resolved.config()
                .routedThroughProxy(
                        urls.proxyUrl(agent.id()),
                        agent.upstream().model(),
                        agent.proxyAccess().key().map(ProxyKey::reveal));

        // A repeated request for the same call finds its event recorded and adds none: Vapi may retry.
        audit.append(AuditEvent.callStarted(
                new EventId(ids.next()),
                clock.instant(),
                agent.id(),
                callId,
                call.assistantId(),
                routed.modelName(),
                resolved,
                command.requestId(),
                call.customerNumber().flatMap(fingerprints::fingerprint)));
        return routed;
    }

    /**
     * Ends the call's proxy session and records {@code call_ended}: the call's length (Vapi's start and end, else the
     * session's start until now), Vapi's ended reason, and the turns proxied and values masked in the session. Vapi
     * sends the report once and never retries, so a report for a call that proxied no turn is recorded too.
     */
    private VapiAnswer endCall(Agent agent, VapiMessage message, AnswerVapiMessageCommand command) {
        VapiCall call = message.call().orElseThrow(() -> DomainException.invalid("call", "must be an object"));
        CallId callId = callId(call);
        Instant now = clock.instant();
        String endedReason = message.auditableEndedReason();
        Optional<CallSession> session =
                sessions.endCall(agent.id(), callId, message.endedAt().orElse(now), endedReason);
        TurnTotals totals = session.map(s -> turnTotals.totals(agent.id(), s.id(), s.startedAt()))
                .orElse(TurnTotals.NONE);
        Optional<Duration> duration = message.startedAt()
                .flatMap(start -> message.endedAt().map(end -> Duration.between(start, end)))
                .or(() -> session.map(
                        s -> Duration.between(s.startedAt(), message.endedAt().orElse(now))))
                .filter(length -> !length.isNegative());
        // Idempotent per call, like call_started: the report's event is recorded once.
        audit.append(AuditEvent.callEnded(
                new EventId(ids.next()),
                now,
                agent.id(),
                callId,
                new CallTotals(session.map(CallSession::id), duration, endedReason, totals.turns(), totals.masked()),
                command.requestId()));
        return VapiAnswer.EMPTY;
    }

    /**
     * The answer Vapi reads as a failure, for a message no backend answers: for {@code tool-calls} an error result per
     * tool call, for the others an {@code error}. The log names the agent, the message type and why, never the message.
     */
    private static VapiAnswer failure(Agent agent, VapiMessage message, String why) {
        String type = message.type().orElseThrow();
        LOG.log(
                System.Logger.Level.WARNING,
                () -> "vapi " + type + " for agent " + agent.id().value() + " answered as a failure: " + why);
        if (!"tool-calls".equals(type)) {
            return VapiAnswer.reply(Map.of("error", NO_BACKEND));
        }
        List<Map<String, Object>> results = message.toolCalls().stream()
                .map(AnswerVapiMessageService::toolFailure)
                .toList();
        return VapiAnswer.reply(Map.of("results", results));
    }

    private static Map<String, Object> toolFailure(VapiToolCall toolCall) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("toolCallId", toolCall.id());
        toolCall.name().ifPresent(name -> result.put("name", name));
        result.put("error", NO_BACKEND);
        return result;
    }

    private static CallId callId(VapiCall call) {
        return call.id()
                .filter(CallId::isValid)
                .map(CallId::new)
                .orElseThrow(() -> DomainException.invalid(
                        "call.id",
                        "must be a non-empty string of at most " + CallId.MAX_LENGTH + " printable characters"));
    }

    private ResolvedAssistant resolve(Agent agent, VapiCall call, VapiMessage message) {
        if (agent.configCallback().isEmpty()) {
            return ResolvedAssistant.fromDefaults(agent.assistantDefaults());
        }
        CallbackOutcome outcome = callbacks.fetch(
                agent.configCallback().get(), new CallbackRequest(agent.id(), call, message.timestamp()));
        return switch (outcome) {
            case CallbackOutcome.Overrides overrides -> {
                ResolvedAssistant merged =
                        ResolvedAssistant.fromCallback(agent.assistantDefaults(), overrides.assistant());
                String model = merged.config().modelName();
                // A model the agent's own proxy refuses would fail every turn of the call (and may be any text at all):
                // the defaults, which were checked when saved, answer instead.
                yield model.isBlank() || agent.allowsModel(model)
                        ? merged
                        : ResolvedAssistant.fallback(agent.assistantDefaults(), CallbackFailure.MODEL_NOT_ALLOWED);
            }
            case CallbackOutcome.Failed failed ->
                ResolvedAssistant.fallback(agent.assistantDefaults(), failed.reason());
        };
    }

    private static DomainException agentNotFound() {
        return DomainException.of(ErrorCode.AGENT_NOT_FOUND, "No agent has this id.");
    }
}
