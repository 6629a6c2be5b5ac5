package dev.masker.application.service;

import dev.masker.application.port.in.ProxyChatCompletionCommand;
import dev.masker.application.port.in.ProxyChatCompletionUseCase;
import dev.masker.application.port.in.ProxyChatCompletionUseCase.AnswerPart;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.ChatUpstreamPort;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.KeepTurnPayloadsPort;
import dev.masker.application.port.out.LimitRequestRatePort;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.ProxySessionPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.chat.ChatCompletionAnswer;
import dev.masker.domain.chat.ChatCompletionRequest;
import dev.masker.domain.chat.ChatStreamRehydrator;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.EventId;
import dev.masker.domain.phi.TokenLookup;
import dev.masker.domain.ratelimit.RateDecision;
import dev.masker.domain.session.SessionId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The proxy's use case: checks, masks the turn in its call's session, forwards it, rehydrates the answer and records the
 * turn. The answer is rehydrated first from the tokens this turn issued (a request carries the whole conversation, so
 * these are nearly always all the answer can hold) and only then from the session's vault; a token of another session
 * or a forged one is left as it is and counted.
 *
 * <p>The turn's new values are written to the vault on the {@code background} executor while the upstream answers,
 * not before the upstream is called: the write is a PostgreSQL commit, and a caller would otherwise hear it on every
 * turn. The answer's last part (the whole answer, or a stream's {@code [DONE]}) waits for the write, so no answer ends
 * before the vault holds its session's tokens; when the write fails, the turn fails with the vault's error instead.
 */
public final class ProxyChatCompletionService implements ProxyChatCompletionUseCase {
    private static final System.Logger LOG = System.getLogger(ProxyChatCompletionService.class.getName());

    private final LoadAgentPort agents;
    private final LimitRequestRatePort rateLimit;
    private final ProxySessionPort sessions;
    private final AgentMaskingPolicies policies;
    private final TurnMasker masker;
    private final SessionTokenLookup sessionTokens;
    private final ChatUpstreamPort upstream;
    private final AppendAuditEventPort audit;
    private final IdGeneratorPort ids;
    private final KeepTurnPayloadsPort payloads;
    private final Executor background;
    private final Clock clock;
    private final LongSupplier nanoTime;

    /** The driven ports and the collaborators a turn goes through. */
    public record Collaborators(
            LoadAgentPort agents,
            LimitRequestRatePort rateLimit,
            ProxySessionPort sessions,
            AgentMaskingPolicies policies,
            TurnMasker masker,
            SessionTokenLookup sessionTokens,
            ChatUpstreamPort upstream,
            AppendAuditEventPort audit,
            IdGeneratorPort ids,
            KeepTurnPayloadsPort payloads) {
        public Collaborators {
            Objects.requireNonNull(agents, "agents");
            Objects.requireNonNull(rateLimit, "rateLimit");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(policies, "policies");
            Objects.requireNonNull(masker, "masker");
            Objects.requireNonNull(sessionTokens, "sessionTokens");
            Objects.requireNonNull(upstream, "upstream");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(ids, "ids");
            Objects.requireNonNull(payloads, "payloads");
        }
    }

    /** {@code background} runs each turn's vault write beside its upstream call. */
    public ProxyChatCompletionService(Collaborators with, Executor background, Clock clock, LongSupplier nanoTime) {
        this.agents = with.agents();
        this.rateLimit = with.rateLimit();
        this.sessions = with.sessions();
        this.policies = with.policies();
        this.masker = with.masker();
        this.sessionTokens = with.sessionTokens();
        this.upstream = with.upstream();
        this.audit = with.audit();
        this.ids = with.ids();
        this.payloads = with.payloads();
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public void answer(ProxyChatCompletionCommand command, AnswerSink sink) {
        long started = nanoTime.getAsLong();
        Agent agent = ProxyCallers.admitted(agents, command.agentIdText(), command.presentedKey());
        AgentId agentId = agent.id();
        if (rateLimit.tryAcquire("proxy:" + agentId.value()) instanceof RateDecision.Limited limited) {
            throw DomainException.rateLimited(limited.retryAfter());
        }
        ChatCompletionRequest request = ChatCompletionRequest.of(command.body());
        String model = request.model().orElse(agent.upstream().model());
        if (!agent.allowsModel(model)) {
            throw DomainException.of(
                    ErrorCode.MODEL_NOT_ALLOWED,
                    "This agent allows its upstream's model and those in its allowed_models only.");
        }

        SessionId session = sessions.sessionFor(agentId, request.callId(), new SessionId(ids.next()), clock.instant());
        AgentMaskingPolicies.InEffect policy = policies.inEffect(agent);
        TurnMasker.MaskedTurn maskedTurn = masker.mask(
                new TurnTexts(session, request.maskableTexts(), request.participantNames(), policy.masking()));
        MaskedTexts masked = maskedTurn.texts();
        Map<String, Object> body = request.forUpstream(masked.texts(), model);
        TokenLookup stored = sessionTokens.forSession(session);
        TokenLookup issued = masked.issued();
        TokenLookup lookup = token -> issued.originalOf(token).or(() -> stored.originalOf(token));
        Turn turn = new Turn(
                new Upstream(agent.upstream().provider(), model),
                request.stream(),
                policy,
                masked,
                started,
                nanoTime.getAsLong());
        turn.detectNanos = maskedTurn.detectNanos();
        turn.values = maskedTurn.values();
        turn.sent = policy.logPayloads() ? new ArrayList<>() : null;
        turn.vaultWrite = storeInBackground(maskedTurn);
        AnswerSink watched = part -> {
            if (turn.sent != null) {
                turn.sent.add(part);
            }
            try {
                sink.accept(part);
            } catch (RuntimeException e) {
                // The client went away.
                turn.clientGone = true;
                throw e;
            }
        };
        try {
            if (turn.stream) {
                stream(turn, body, lookup, watched);
            } else {
                whole(turn, body, lookup, watched);
            }
            turn.outcome = "ok";
        } catch (DomainException e) {
            turn.outcome = e.code().wireName();
            throw e;
        } catch (RuntimeException e) {
            turn.outcome = turn.clientGone ? "client_gone" : "failed";
            throw e;
        } finally {
            record(agentId, session, turn, command);
            if (policy.logPayloads()) {
                keepPayload(session, turn, command, body);
            }
        }
    }

    /**
     * Keeps the turn's payloads for a policy with {@code log_payloads}: the request as the platform sent it, what went
     * upstream and the answer as it was sent, on the background executor, after the answer. A payload that cannot be kept
     * is logged by ids only; the turn has been answered either way.
     */
    private void keepPayload(
            SessionId session, Turn turn, ProxyChatCompletionCommand command, Map<String, Object> upstreamBody) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("request", command.body());
        content.put("upstream_request", upstreamBody);
        content.put(
                "answer",
                turn.sent.stream()
                        .map(ProxyChatCompletionService::partOf)
                        .filter(Objects::nonNull)
                        .toList());
        content.put("outcome", turn.outcome);
        KeepTurnPayloadsPort.TurnPayload payload = new KeepTurnPayloadsPort.TurnPayload(
                session, command.requestId().value(), turn.policy.masking().kid(), clock.instant(), content);
        background.execute(() -> {
            try {
                payloads.keep(payload);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "{0}: the payload of a turn in session {1} was not kept ({2})",
                        command.requestId(),
                        session,
                        e instanceof DomainException domain
                                ? domain.code().wireName()
                                : e.getClass().getSimpleName());
            }
        });
    }

    private static Map<String, Object> partOf(AnswerPart part) {
        return switch (part) {
            case AnswerPart.Whole whole -> whole.answer();
            case AnswerPart.Chunk chunk -> chunk.chunk();
            case AnswerPart.Done done -> null;
        };
    }

    private void whole(Turn turn, Map<String, Object> body, TokenLookup lookup, AnswerSink sink) {
        Map<String, Object> answer = upstream.complete(turn.upstream, body);
        turn.firstByteAt = nanoTime.getAsLong();
        turn.upstreamDoneAt = turn.firstByteAt;
        ChatCompletionAnswer rehydrator = new ChatCompletionAnswer(lookup);
        long from = nanoTime.getAsLong();
        Map<String, Object> rehydrated = rehydrator.rehydrate(answer);
        turn.rehydrateNanos = nanoTime.getAsLong() - from;
        turn.restored = rehydrator.restored();
        turn.leakFindings = rehydrator.findings().size();
        awaitVault(turn);
        sink.accept(new AnswerPart.Whole(rehydrated));
    }

    private void stream(Turn turn, Map<String, Object> body, TokenLookup lookup, AnswerSink sink) {
        ChatStreamRehydrator rehydrator = new ChatStreamRehydrator(lookup);
        try {
            upstream.stream(turn.upstream, body, chunk -> {
                if (turn.firstByteAt == 0) {
                    turn.firstByteAt = nanoTime.getAsLong();
                }
                long from = nanoTime.getAsLong();
                Optional<Map<String, Object>> rehydrated = rehydrator.accept(chunk);
                turn.rehydrateNanos += nanoTime.getAsLong() - from;
                rehydrated.ifPresent(part -> sink.accept(new AnswerPart.Chunk(part)));
            });
            turn.upstreamDoneAt = nanoTime.getAsLong();
            awaitVault(turn);
            rehydrator.finish().ifPresent(rest -> sink.accept(new AnswerPart.Chunk(rest)));
            sink.accept(new AnswerPart.Done());
        } finally {
            turn.restored = rehydrator.restored();
            turn.leakFindings = rehydrator.findings().size();
        }
    }

    /** The turn's vault write started on the background executor; done at once when it has nothing to write. */
    private CompletableFuture<Long> storeInBackground(TurnMasker.MaskedTurn maskedTurn) {
        if (!maskedTurn.needsVault()) {
            return CompletableFuture.completedFuture(0L);
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    long from = nanoTime.getAsLong();
                    maskedTurn.storeInVault();
                    return nanoTime.getAsLong() - from;
                },
                background);
    }

    /** Waits for the turn's vault write; its failure (a {@link DomainException} such as {@code unavailable}) is the turn's. */
    private void awaitVault(Turn turn) {
        long from = nanoTime.getAsLong();
        try {
            turn.vaultNanos = turn.vaultWrite.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            turn.vaultWaitNanos = nanoTime.getAsLong() - from;
        }
    }

    private void record(AgentId agentId, SessionId session, Turn turn, ProxyChatCompletionCommand command) {
        long now = nanoTime.getAsLong();
        long firstByte = turn.firstByteAt == 0 ? now : turn.firstByteAt;
        long upstreamDone = turn.upstreamDoneAt == 0 ? now : turn.upstreamDoneAt;
        AuditEvent.TurnRecord record = new AuditEvent.TurnRecord(
                session,
                turn.upstream.provider().name().toLowerCase(Locale.ROOT),
                turn.upstream.model(),
                turn.stream,
                turn.outcome,
                turn.policy.name(),
                turn.policy.version(),
                turn.masked.counts(),
                turn.restored,
                turn.leakFindings,
                new AuditEvent.StageTimes(
                        Duration.ofNanos(turn.detectNanos),
                        Duration.ofNanos(turn.maskedAt - turn.startedAt),
                        Duration.ofNanos(firstByte - turn.maskedAt),
                        Duration.ofNanos(upstreamDone - turn.maskedAt),
                        Duration.ofNanos(turn.rehydrateNanos),
                        Duration.ofNanos(turn.vaultNanos),
                        Duration.ofNanos(turn.vaultWaitNanos),
                        Duration.ofNanos(now - turn.startedAt)),
                turn.values);
        try {
            audit.appendWithoutWaiting(AuditEvent.turnProxied(
                    new EventId(ids.next()), clock.instant(), agentId, record, command.requestId()));
        } catch (DomainException e) {
            // The answer has gone out; the record of it could not be queued. Say so, with ids only.
            LOG.log(
                    Level.WARNING,
                    "{0}: the audit log did not take the record of turn in session {1}: {2}",
                    command.requestId(),
                    session,
                    e.code().wireName());
        }
    }

    /** What is known of one turn as it goes, for its audit record. */
    private static final class Turn {
        private final Upstream upstream;
        private final boolean stream;
        private final AgentMaskingPolicies.InEffect policy;
        private final MaskedTexts masked;
        private final long startedAt;
        private final long maskedAt;
        private CompletableFuture<Long> vaultWrite = CompletableFuture.completedFuture(0L);
        /** The parts sent to the caller, kept only for a policy with {@code log_payloads}. */
        private List<AnswerPart> sent;

        private List<AuditEvent.MaskedValue> values = List.of();
        private long detectNanos;
        private long rehydrateNanos;
        private long vaultNanos;
        private long vaultWaitNanos;
        private long firstByteAt;
        private long upstreamDoneAt;
        private int restored;
        private int leakFindings;
        private String outcome = "failed";
        private boolean clientGone;

        Turn(
                Upstream upstream,
                boolean stream,
                AgentMaskingPolicies.InEffect policy,
                MaskedTexts masked,
                long startedAt,
                long maskedAt) {
            this.upstream = upstream;
            this.stream = stream;
            this.policy = policy;
            this.masked = masked;
            this.startedAt = startedAt;
            this.maskedAt = maskedAt;
        }
    }
}
