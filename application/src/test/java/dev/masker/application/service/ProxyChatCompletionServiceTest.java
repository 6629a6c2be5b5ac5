package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.in.ProxyChatCompletionCommand;
import dev.masker.application.port.in.ProxyChatCompletionUseCase.AnswerPart;
import dev.masker.application.port.in.ProxyChatCompletionUseCase.AnswerSink;
import dev.masker.application.port.out.ChatUpstreamPort;
import dev.masker.application.port.out.KeepTurnPayloadsPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.ProxyAccess;
import dev.masker.domain.agent.ProxyKey;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.AuditEventType;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.phi.detect.PhiDetector;
import dev.masker.domain.policy.Policy;
import dev.masker.domain.ratelimit.RateDecision;
import dev.masker.domain.session.SessionId;
import dev.masker.testsupport.clock.SettableClock;
import dev.masker.testsupport.ports.CountingTokenVault;
import dev.masker.testsupport.ports.InMemoryAgents;
import dev.masker.testsupport.ports.InMemoryAuditLog;
import dev.masker.testsupport.ports.InMemoryProxySessions;
import dev.masker.testsupport.ports.InMemoryTurnPayloads;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProxyChatCompletionServiceTest {
    private static final String AGENT_TEXT = "agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A";
    private static final AgentId AGENT_ID = AgentId.parse(AGENT_TEXT).orElseThrow();
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final RequestId REQUEST_ID = new RequestId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1R"));
    private static final ProxyKey KEY = ProxyKey.of(filled(ProxyKey.RANDOM_BYTES, 1));
    private static final PhiDetector DETECTOR = PhiDetector.withBundledNameLists();
    private static final String TURN = "My SSN is 123-45-6789 and my email is jane.doe@example.com, again 123-45-6789.";
    /** Every PHI value of {@link #TURN} and of the platform fields, and telling pieces of them. */
    private static final List<String> PHI =
            List.of("123-45-6789", "6789", "jane.doe", "example.com", "+14155550100", "5550100", "Jane Doe");

    private static final String LOGGING_POLICY_YAML = "name: front-desk-debug\nlog_payloads: true\n";
    private static final Pattern TOKEN = Pattern.compile("MSK1?V?1?\\.[A-Z_]+\\.K_[A-Z0-9]+\\.[A-Z2-7]+");

    private final InMemoryAgents agents = new InMemoryAgents();
    private final List<String> rateLimitKeys = new ArrayList<>();
    private RateDecision rateDecision = RateDecision.ALLOWED;
    private final InMemoryProxySessions sessions = new InMemoryProxySessions();
    private final CountingTokenVault vault = new CountingTokenVault();
    private final VaultTokens vaultTokens = new VaultTokens(
            KeyRing.of(Map.of(
                    MaskingPolicy.HEALTHCARE_KID, new KeyRing.Keys(filled(KeyRing.KEY_BYTES, 9), Optional.empty()))),
            new SecureRandom());
    private final ReadableReversibleTokens reversible = new ReadableReversibleTokens();
    private final SettableClock clock = SettableClock.fixedAt(NOW);
    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryTurnPayloads payloads = new InMemoryTurnPayloads();
    private final List<AnswerPart> parts = new ArrayList<>();
    private long nanos;
    /** Where the service's vault writes run: at once, unless a test says otherwise. */
    private Executor background = Runnable::run;

    private final ProxyChatCompletionService service = new ProxyChatCompletionService(
            new ProxyChatCompletionService.Collaborators(
                    agents,
                    key -> {
                        rateLimitKeys.add(key);
                        return rateDecision;
                    },
                    sessions,
                    new AgentMaskingPolicies(
                            Map.of(
                                    Agent.DEFAULT_POLICY,
                                    new Policy(
                                            Agent.DEFAULT_POLICY,
                                            1,
                                            MaskingPolicy.HEALTHCARE_KID,
                                            Tokenization.VAULT_DETERMINISTIC,
                                            Map.of())),
                            yaml -> {
                                if (!yaml.equals(LOGGING_POLICY_YAML)) {
                                    throw new AssertionError(
                                            "the only agent here with its own policy keeps its payloads");
                                }
                                return new Policy(
                                        "front-desk-debug",
                                        2,
                                        MaskingPolicy.HEALTHCARE_KID,
                                        Tokenization.VAULT_DETERMINISTIC,
                                        Map.of(),
                                        true);
                            }),
                    new TurnMasker(DETECTOR, vaultTokens, vault, reversible, clock, () -> nanos += 1_000),
                    new SessionTokenLookup(vaultTokens, vault, reversible),
                    upstream,
                    audit,
                    new SequentialIds(),
                    payloads),
            task -> background.execute(task),
            clock,
            () -> nanos += 1_000);

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static Agent agent(Tokenization tokenization) {
        return Agent.restore(
                        AGENT_ID,
                        new AgentName("Front desk"),
                        Upstream.parse("openai:gpt-4o-mini").orElseThrow(),
                        tokenization,
                        Agent.DEFAULT_POLICY,
                        AssistantConfig.of(Map.of()),
                        Optional.empty(),
                        NOW.minusSeconds(60))
                .withProxyAccess(new ProxyAccess(Optional.of(KEY), List.of("gpt-4o")));
    }

    private void givenAnAgent() {
        agents.with(agent(Tokenization.VAULT_DETERMINISTIC));
    }

    /** A Vapi turn: the user's PHI in a message, and the platform's fields with more PHI in them. */
    private static Map<String, Object> body(Optional<String> model, boolean stream, Optional<String> callId) {
        Map<String, Object> body = new LinkedHashMap<>();
        model.ifPresent(name -> body.put("model", name));
        body.put(
                "messages",
                List.of(
                        Map.of("role", "system", "content", "You schedule visits."),
                        Map.of("role", "user", "content", TURN)));
        body.put("temperature", 0.1);
        if (stream) {
            body.put("stream", true);
        }
        body.put(
                "call",
                callId.<Map<String, Object>>map(id -> Map.of("id", id, "customer", Map.of("number", "+14155550100")))
                        .orElse(Map.of()));
        body.put("customer", Map.of("number", "+14155550100", "name", "Jane Doe"));
        body.put("phoneNumber", Map.of("number", "+14155550100"));
        body.put("metadata", Map.of("patient", "Jane Doe"));
        body.put("org", Map.of("id", "org_1"));
        return body;
    }

    private static Map<String, Object> body() {
        return body(Optional.empty(), false, Optional.of("call-1"));
    }

    private static ProxyChatCompletionCommand command(Optional<String> key, Map<String, Object> body) {
        return new ProxyChatCompletionCommand(AGENT_TEXT, key, body, REQUEST_ID);
    }

    private void answer(Map<String, Object> body) {
        service.answer(command(Optional.of(KEY.reveal()), body), parts::add);
    }

    private DomainException refused(ProxyChatCompletionCommand command) {
        return assertThrows(DomainException.class, () -> service.answer(command, parts::add));
    }

    private AuditEvent onlyTurnEvent() {
        assertEquals(1, audit.events().size());
        AuditEvent event = audit.events().getFirst();
        assertEquals(AuditEventType.TURN_PROXIED, event.type());
        return event;
    }

    /** The masked user message the upstream received in its {@code n}th call. */
    private String maskedTurn(int n) {
        return (String) ((Map<?, ?>) ((List<?>) upstream.bodies.get(n).get("messages")).get(1)).get("content");
    }

    private static Map<String, Object> completion(String content) {
        return Map.of(
                "id",
                "chatcmpl-1",
                "object",
                "chat.completion",
                "choices",
                List.of(Map.of(
                        "index",
                        0,
                        "message",
                        Map.of("role", "assistant", "content", content),
                        "finish_reason",
                        "stop")));
    }

    private static String contentOf(AnswerPart part) {
        Map<?, ?> answer = assertInstanceOf(AnswerPart.Whole.class, part).answer();
        return (String)
                ((Map<?, ?>) ((Map<?, ?>) ((List<?>) answer.get("choices")).getFirst()).get("message")).get("content");
    }

    private static Map<String, Object> chunk(String content) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", Map.of("content", content));
        choice.put("finish_reason", null);
        return Map.of("id", "chatcmpl-1", "object", "chat.completion.chunk", "choices", List.of(choice));
    }

    // --- the checks, in order -------------------------------------------------------------------------------------

    @Test
    void givenAMalformedAgentIdAndNoKey_answer_failsAgentNotFoundWithoutLoadingAnything() {
        givenAnAgent();

        DomainException e =
                refused(new ProxyChatCompletionCommand("not-an-agent", Optional.empty(), Map.of(), REQUEST_ID));

        assertEquals(ErrorCode.AGENT_NOT_FOUND, e.code());
        assertEquals(List.of(), agents.loads());
    }

    @Test
    void givenAnUnknownAgentAndNoKey_answer_failsAgentNotFoundBeforeTheKeyCheck() {
        DomainException e = refused(command(Optional.empty(), Map.of()));

        assertEquals(ErrorCode.AGENT_NOT_FOUND, e.code());
        assertEquals(List.of(AGENT_ID), agents.loads());
    }

    @Test
    void givenNoKeyOrAWrongOneWhileRateLimited_answer_failsUnauthenticatedBeforeTheRateLimit() {
        givenAnAgent();
        rateDecision = new RateDecision.Limited(Duration.ofSeconds(3));
        String wrong = ProxyKey.of(filled(ProxyKey.RANDOM_BYTES, 2)).reveal();

        for (Optional<String> key : List.of(
                Optional.<String>empty(),
                Optional.of(wrong),
                Optional.of(""),
                Optional.of(KEY.reveal().toUpperCase()),
                Optional.of(KEY.reveal() + " "))) {
            assertEquals(
                    ErrorCode.UNAUTHENTICATED, refused(command(key, Map.of())).code(), key.toString());
        }
        assertEquals(List.of(), rateLimitKeys);
    }

    @Test
    void givenAnAgentWithoutAProxyKey_answer_failsUnauthenticated() {
        agents.with(agent(Tokenization.VAULT_DETERMINISTIC).withProxyAccess(ProxyAccess.NONE));

        assertEquals(
                ErrorCode.UNAUTHENTICATED,
                refused(command(Optional.of(KEY.reveal()), body())).code());
    }

    @Test
    void givenRateLimitedWithABadBody_answer_failsRateLimitedBeforeTheBodyIsRead() {
        givenAnAgent();
        rateDecision = new RateDecision.Limited(Duration.ofSeconds(3));

        DomainException e = refused(command(Optional.of(KEY.reveal()), Map.of("messages", "nope")));

        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals(Optional.of(Duration.ofSeconds(3)), e.retryAfter());
        assertEquals(List.of("proxy:" + AGENT_TEXT), rateLimitKeys);
    }

    @Test
    void givenABadBody_answer_failsValidationFailedAndNothingGoesUpstream() {
        givenAnAgent();

        DomainException e = refused(command(Optional.of(KEY.reveal()), Map.of("messages", List.of(), "model", 4)));

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(
                List.of("messages", "model"),
                e.details().stream().map(FieldProblem::field).toList());
        assertEquals(List.of(), upstream.bodies);
        assertEquals(List.of(), sessions.asked());
    }

    @Test
    void givenAModelTheAgentDoesNotAllow_answer_failsModelNotAllowedAndNothingIsMasked() {
        givenAnAgent();

        DomainException e =
                refused(command(Optional.of(KEY.reveal()), body(Optional.of("gpt-5"), false, Optional.of("call-1"))));

        assertEquals(ErrorCode.MODEL_NOT_ALLOWED, e.code());
        assertEquals(List.of(), upstream.bodies);
        assertEquals(0, vault.writes());
        assertEquals(List.of(), audit.events());
    }

    @Test
    void givenAModelInAllowedModels_answer_sendsTheTurnToThatModel() {
        givenAnAgent();
        upstream.answer = body -> completion("ok");

        answer(body(Optional.of("gpt-4o"), false, Optional.of("call-1")));

        assertEquals(List.of(new Upstream(Upstream.Provider.OPENAI, "gpt-4o")), upstream.targets);
        assertEquals("gpt-4o", upstream.bodies.getFirst().get("model"));
        assertEquals("gpt-4o", onlyTurnEvent().data().get("model"));
    }

    @Test
    void givenNoModel_answer_sendsTheTurnToTheAgentsUpstreamModel() {
        givenAnAgent();
        upstream.answer = body -> completion("ok");

        answer(body());

        assertEquals(List.of(new Upstream(Upstream.Provider.OPENAI, "gpt-4o-mini")), upstream.targets);
        assertEquals("gpt-4o-mini", upstream.bodies.getFirst().get("model"));
    }

    @Test
    void givenTheKeyAsPresented_answer_takesTheTurn() {
        givenAnAgent();
        upstream.answer = body -> completion("ok");

        answer(body());

        assertEquals(List.of("proxy:" + AGENT_TEXT), rateLimitKeys);
        assertEquals(1, parts.size());
    }

    // --- masking and rehydration ----------------------------------------------------------------------------------

    @Test
    void givenATurnWithPhi_answer_sendsUpstreamOnlyTokensAndNoPlatformField() {
        givenAnAgent();
        upstream.answer = body -> completion("ok");

        answer(body());

        Map<String, Object> sent = upstream.bodies.getFirst();
        String all = sent.toString();
        PHI.forEach(value -> assertFalse(all.contains(value), value));
        assertTrue(maskedTurn(0).startsWith("My SSN is MSKV1.SSN.K_HEALTHCARE."));
        assertEquals(3, TOKEN.matcher(maskedTurn(0)).results().count());
        assertEquals(Set.of("model", "messages", "temperature"), sent.keySet());
    }

    @Test
    void givenAnAnswerQuotingTheTokens_answer_rehydratesItWhole() {
        givenAnAgent();
        upstream.answer = body -> completion("You said: " + maskedTurn(0));

        answer(body());

        assertEquals(1, parts.size());
        assertEquals("You said: " + TURN, contentOf(parts.getFirst()));
        AuditEvent event = onlyTurnEvent();
        assertEquals("3", event.data().get("restored"));
        assertEquals("0", event.data().get("leak_findings"));
    }

    @Test
    void givenAReversibleAeadAgent_answer_sendsMsk1TokensAndRehydratesThem() {
        agents.with(agent(Tokenization.REVERSIBLE_AEAD));
        upstream.answer = body -> completion(maskedTurn(0));

        answer(body());

        assertTrue(maskedTurn(0).startsWith("My SSN is MSK1.SSN.K_HEALTHCARE."), maskedTurn(0));
        assertEquals(TURN, contentOf(parts.getFirst()));
        assertEquals(0, vault.writes());
    }

    @Test
    void givenAStreamedAnswerSplittingTokens_answer_sendsRehydratedChunksThenDone() {
        givenAnAgent();
        upstream.chunks = body -> {
            String masked = maskedTurn(0);
            List<Map<String, Object>> chunks = new ArrayList<>();
            for (int at = 0; at < masked.length(); at += 7) {
                chunks.add(chunk(masked.substring(at, Math.min(masked.length(), at + 7))));
            }
            // The upstream never finishes the choice: what is held back comes out when the stream ends.
            chunks.add(chunk(" " + masked.substring(masked.lastIndexOf("MSKV1"), masked.length() - 1)));
            return chunks;
        };

        answer(body(Optional.empty(), true, Optional.of("call-1")));

        assertInstanceOf(AnswerPart.Done.class, parts.getLast());
        StringBuilder text = new StringBuilder();
        for (AnswerPart part : parts.subList(0, parts.size() - 1)) {
            Map<?, ?> chunk = assertInstanceOf(AnswerPart.Chunk.class, part).chunk();
            Map<?, ?> delta = (Map<?, ?>) ((Map<?, ?>) ((List<?>) chunk.get("choices")).getFirst()).get("delta");
            String content = (String) delta.get("content");
            assertFalse(TOKEN.matcher(content).find(), content);
            assertFalse(content.isEmpty(), "a chunk with an empty delta the upstream never sent");
            text.append(content);
        }
        assertEquals(TURN + " 123-45-6789", text.toString());
        // Chunks whose text is all held back are not sent; the held-back token comes in one more at the end.
        assertTrue(parts.size() - 1 < upstream.sentChunks, (parts.size() - 1) + " chunks for " + upstream.sentChunks);
        AuditEvent event = onlyTurnEvent();
        assertEquals("true", event.data().get("stream"));
        assertEquals("4", event.data().get("restored"));
        assertEquals("ok", event.data().get("outcome"));
    }

    @Test
    void givenASinkThatThrows_answer_rethrowsAndRecordsClientGone() {
        givenAnAgent();
        upstream.chunks = body -> List.of(chunk("one "), chunk("two "), chunk("three"));
        IllegalStateException gone = new IllegalStateException("client went away");
        AnswerSink sink = part -> {
            parts.add(part);
            if (parts.size() == 2) {
                throw gone;
            }
        };

        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> service.answer(
                        command(Optional.of(KEY.reveal()), body(Optional.empty(), true, Optional.of("c"))), sink));

        assertSame(gone, thrown);
        assertEquals(2, upstream.sentChunks);
        assertEquals("client_gone", onlyTurnEvent().data().get("outcome"));
    }

    @Test
    void givenAnUpstreamFailure_answer_rethrowsItAndRecordsItsCode() {
        givenAnAgent();
        upstream.answer = body -> {
            throw DomainException.of(ErrorCode.UPSTREAM_TIMEOUT, "The upstream did not answer in time.");
        };

        assertEquals(
                ErrorCode.UPSTREAM_TIMEOUT,
                refused(command(Optional.of(KEY.reveal()), body())).code());

        assertEquals("upstream_timeout", onlyTurnEvent().data().get("outcome"));
        assertEquals(List.of(), parts);
    }

    @Test
    void givenAStreamFailingAfterAChunk_answer_rethrowsItAndRecordsItsCode() {
        givenAnAgent();
        upstream.chunks = body -> List.of(chunk("Hello"));
        upstream.failAfterChunks = DomainException.of(ErrorCode.UPSTREAM_ERROR, "The upstream broke off.");

        assertEquals(
                ErrorCode.UPSTREAM_ERROR,
                refused(command(Optional.of(KEY.reveal()), body(Optional.empty(), true, Optional.of("c"))))
                        .code());

        assertEquals(1, parts.size());
        assertEquals("upstream_error", onlyTurnEvent().data().get("outcome"));
    }

    // --- the vault write, beside the upstream call ----------------------------------------------------------------

    @Test
    void givenATurnWithNewValues_answer_writesTheVaultWhileTheUpstreamAnswersAndAnswersAfterTheWrite() {
        givenAnAgent();
        List<Runnable> writes = new ArrayList<>();
        background = writes::add;
        upstream.answer = body -> {
            assertEquals(0, vault.writes(), "the upstream is called before the vault write is made");
            assertEquals(1, writes.size());
            writes.forEach(Runnable::run);
            return completion(maskedTurn(0));
        };

        answer(body());

        assertEquals(1, vault.writes());
        assertEquals(2, vault.all().size());
        assertEquals(TURN, contentOf(parts.getFirst()));
        Map<String, String> data = onlyTurnEvent().data();
        assertTrue(Long.parseLong(data.get("vault_us")) > 0, data.toString());
        assertTrue(data.containsKey("vault_wait_us"), data.toString());
    }

    @Test
    void givenTheSameCallAgain_answer_neitherSealsNorWritesTheValuesItsVaultHolds() {
        givenAnAgent();
        upstream.answer = body -> completion("ok");
        answer(body());

        answer(body());

        assertEquals(1, vault.writes());
    }

    @Test
    void givenAVaultThatFails_answer_failsUnavailableWithoutAnAnswerAndWritesAgainNextTurn() {
        givenAnAgent();
        upstream.answer = body -> completion(maskedTurn(0));
        vault.failWrites(DomainException.of(ErrorCode.UNAVAILABLE, "The database is unavailable; retry shortly."));

        assertEquals(
                ErrorCode.UNAVAILABLE,
                refused(command(Optional.of(KEY.reveal()), body())).code());

        assertEquals(List.of(), parts);
        assertEquals("unavailable", onlyTurnEvent().data().get("outcome"));
        vault.failWrites(null);
        answer(body());
        assertEquals(2, vault.all().size(), "a failed write is not remembered as stored");
    }

    @Test
    void givenAVaultThatFailsDuringAStream_answer_endsItWithTheErrorInsteadOfDone() {
        givenAnAgent();
        upstream.chunks = body -> List.of(chunk("Hello"), chunk(" there"));
        vault.failWrites(DomainException.of(ErrorCode.UNAVAILABLE, "The database is unavailable; retry shortly."));

        assertEquals(
                ErrorCode.UNAVAILABLE,
                refused(command(Optional.of(KEY.reveal()), body(Optional.empty(), true, Optional.of("c"))))
                        .code());

        assertFalse(parts.isEmpty());
        assertTrue(parts.stream().noneMatch(AnswerPart.Done.class::isInstance), parts.toString());
        assertEquals("unavailable", onlyTurnEvent().data().get("outcome"));
    }

    // --- payloads, kept only when the policy says so ---------------------------------------------------------------

    @Test
    void givenADefaultPolicy_answer_keepsNoPayload() {
        givenAnAgent();
        upstream.answer = body -> completion(maskedTurn(0));

        answer(body());

        assertEquals(List.of(), payloads.kept());
    }

    @Test
    void givenAPolicyWithLogPayloads_answer_keepsTheRequestTheMaskedBodyAndTheAnswerAfterTheRecord() {
        agents.with(agent(Tokenization.VAULT_DETERMINISTIC)
                .withPolicy("front-desk-debug", Optional.of(LOGGING_POLICY_YAML)));
        upstream.answer = body -> completion(maskedTurn(0));

        answer(body());

        assertEquals(1, payloads.kept().size());
        KeepTurnPayloadsPort.TurnPayload kept = payloads.kept().getFirst();
        assertEquals(REQUEST_ID.value(), kept.requestId());
        assertEquals(MaskingPolicy.HEALTHCARE_KID, kept.kid());
        Map<String, Object> content = kept.content();
        assertTrue(content.get("request").toString().contains("123-45-6789"), "the request as the platform sent it");
        String upstreamRequest = content.get("upstream_request").toString();
        assertFalse(upstreamRequest.contains("123-45-6789"), upstreamRequest);
        assertTrue(TOKEN.matcher(upstreamRequest).find(), upstreamRequest);
        assertTrue(
                content.get("answer").toString().contains("jane.doe@example.com"), "the answer as the caller got it");
        assertEquals("ok", content.get("outcome"));
        assertFalse(kept.toString().contains("6789"), kept.toString());
        assertEquals("front-desk-debug", onlyTurnEvent().data().get("policy"));
        assertEquals("2", onlyTurnEvent().data().get("policy_version"));
    }

    // --- the audit record and sessions ------------------------------------------------------------------------------

    @Test
    void givenAnAnswerWithAForeignToken_answer_recordsTheTurnWithCountsAndNoPhi() {
        givenAnAgent();
        // Masked in another session, whose vault this service never sees.
        String foreign = new TurnMasker(
                        DETECTOR, vaultTokens, new CountingTokenVault(), reversible, clock, System::nanoTime)
                .mask(new TurnTexts(
                        new SessionId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P9Z")),
                        List.of("SSN 987-65-4321"),
                        MaskingPolicy.healthcareDefault()))
                .texts()
                .texts()
                .getFirst();
        upstream.answer = body -> completion(maskedTurn(0) + " and " + foreign);

        answer(body(Optional.of("gpt-4o"), false, Optional.of("call-1")));

        assertTrue(contentOf(parts.getFirst()).endsWith("and " + foreign));
        AuditEvent event = onlyTurnEvent();
        Map<String, String> data = event.data();
        assertEquals(Optional.of(AGENT_ID), event.agentId());
        assertEquals(NOW, event.occurredAt());
        assertEquals("EMAIL:1,SSN:2", data.get("masked"));
        assertEquals("3", data.get("masked_total"));
        assertEquals("3", data.get("restored"));
        assertEquals("1", data.get("leak_findings"));
        assertEquals("openai", data.get("upstream"));
        assertEquals("gpt-4o", data.get("model"));
        assertEquals("false", data.get("stream"));
        assertEquals("ok", data.get("outcome"));
        assertEquals(REQUEST_ID.value(), data.get("request_id"));
        assertTrue(data.get("session_id").startsWith("sess_"), data.get("session_id"));
        assertEquals(Agent.DEFAULT_POLICY, data.get("policy"));
        assertEquals("1", data.get("policy_version"));
        // The test's clock moves 1 µs per reading: each timed stage took at least one.
        for (String stage : List.of("detect_us", "mask_us", "upstream_us", "rehydrate_us", "total_us")) {
            assertTrue(Long.parseLong(data.get(stage)) >= 1, stage + " in " + data);
        }
        String all = data.toString();
        PHI.forEach(value -> assertFalse(all.contains(value), value));
        assertFalse(all.contains("987-65-4321"));
        assertFalse(TOKEN.matcher(all).find(), all);
    }

    /**
     * A first turn with PHI in call-7, then a turn without PHI in the given call whose answer quotes the first turn's
     * tokens; returns those tokens as the upstream saw them.
     */
    private String firstTurnThenAnAnswerQuotingItIn(String secondCall) {
        givenAnAgent();
        upstream.answer = body -> completion("ok");
        answer(body(Optional.empty(), false, Optional.of("call-7")));
        String firstTokens = maskedTurn(0);
        upstream.answer = body -> completion(firstTokens);
        Map<String, Object> second = body(Optional.empty(), false, Optional.of(secondCall));
        second.put("messages", List.of(Map.of("role", "user", "content", "What did I say?")));
        answer(second);
        return firstTokens;
    }

    @Test
    void givenTwoTurnsOfOneCall_answer_putsThemInOneSessionAndRehydratesTheFirstTurnsTokensInTheSecond() {
        firstTurnThenAnAnswerQuotingItIn("call-7");

        assertEquals(TURN, contentOf(parts.getLast()));
        assertEquals(
                audit.events().get(0).data().get("session_id"),
                audit.events().get(1).data().get("session_id"));
        assertEquals(List.of(Optional.of("call-7"), Optional.of("call-7")), sessions.asked());
        assertEquals("0", audit.events().get(1).data().get("leak_findings"));
    }

    @Test
    void givenTurnsOfTwoCalls_answer_keepsTheSessionsApartAndLeavesTheOtherCallsTokens() {
        String firstTokens = firstTurnThenAnAnswerQuotingItIn("call-8");

        assertEquals(firstTokens, contentOf(parts.getLast()));
        assertNotEquals(
                audit.events().get(0).data().get("session_id"),
                audit.events().get(1).data().get("session_id"));
        assertEquals("3", audit.events().get(1).data().get("leak_findings"));
    }

    @Test
    void givenTurnsWithoutACallId_answer_givesEachItsOwnSession() {
        givenAnAgent();
        upstream.answer = body -> completion("ok");

        answer(body(Optional.empty(), false, Optional.empty()));
        answer(body(Optional.empty(), false, Optional.empty()));

        assertNotEquals(
                audit.events().get(0).data().get("session_id"),
                audit.events().get(1).data().get("session_id"));
    }

    @Test
    void givenAnAuditLogThatRefuses_answer_stillAnswers() {
        givenAnAgent();
        upstream.answer = body -> completion(maskedTurn(0));
        audit.makeUnavailable();

        answer(body());

        assertEquals(TURN, contentOf(parts.getFirst()));
        assertEquals(1, audit.attempts());
    }

    /** An upstream that answers as a test scripts it, remembering what it was sent. */
    private static final class ScriptedUpstream implements ChatUpstreamPort {
        final List<Upstream> targets = new ArrayList<>();
        final List<Map<String, Object>> bodies = new ArrayList<>();
        UnaryOperator<Map<String, Object>> answer = body -> {
            throw new AssertionError("not a streaming test");
        };
        Function<Map<String, Object>, List<Map<String, Object>>> chunks = body -> {
            throw new AssertionError("not a whole-answer test");
        };
        DomainException failAfterChunks;
        int sentChunks;

        @Override
        public Map<String, Object> complete(Upstream upstream, Map<String, Object> body) {
            targets.add(upstream);
            bodies.add(body);
            return answer.apply(body);
        }

        @Override
        public void stream(Upstream upstream, Map<String, Object> body, ChunkConsumer consumer) {
            targets.add(upstream);
            bodies.add(body);
            for (Map<String, Object> chunk : chunks.apply(body)) {
                sentChunks++;
                consumer.accept(chunk);
            }
            if (failAfterChunks != null) {
                throw failAfterChunks;
            }
        }
    }
}
