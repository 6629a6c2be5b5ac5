package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.in.AnswerVapiMessageCommand;
import dev.masker.application.port.in.VapiAnswer;
import dev.masker.application.port.out.FetchAssistantOverridesPort.CallbackOutcome;
import dev.masker.application.port.out.FetchAssistantOverridesPort.CallbackRequest;
import dev.masker.application.port.out.RelayVapiMessagePort;
import dev.masker.application.port.out.RelayVapiMessagePort.RelayOutcome;
import dev.masker.application.port.out.SessionTurnTotalsPort.TurnTotals;
import dev.masker.application.port.out.VerifySignaturePort.SignatureVerdict;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.AgentUrls;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.ForwardTarget;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.assistant.CallbackFailure;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.AuditEventType;
import dev.masker.domain.audit.PhoneFingerprinter;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.ratelimit.RateDecision;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.vapi.SignedWebhook;
import dev.masker.domain.vapi.VapiCall;
import dev.masker.domain.vapi.VapiMessage;
import dev.masker.domain.vapi.VapiToolCall;
import dev.masker.testsupport.ports.InMemoryAgents;
import dev.masker.testsupport.ports.InMemoryAuditLog;
import dev.masker.testsupport.ports.InMemoryProxySessions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerVapiMessageServiceTest {
    private static final String AGENT_TEXT = "agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A";
    private static final AgentId AGENT_ID = AgentId.parse(AGENT_TEXT).orElseThrow();
    private static final String CUSTOMER = "+14155552671";
    private static final String CALL_ID = "call_01JD8Q2W3E4R5T6Y7U8I9O0P1A";
    private static final Instant NOW = Instant.parse("2025-11-27T00:00:00.250Z");
    private static final URI PUBLIC_URL = URI.create("https://masker.example.com");
    private static final String PROXY_URL = "https://masker.example.com/proxy/" + AGENT_TEXT + "/v1/chat/completions";
    private static final RequestId REQUEST_ID = new RequestId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1R"));
    private static final ConfigCallback CALLBACK = new ConfigCallback(
            URI.create("https://ops.example.com/masker"), "cb_secret_0123456789", Duration.ofMillis(1500));
    private static final AssistantConfig DEFAULTS = AssistantConfig.of(Map.of(
            "firstMessage", "Thanks for calling the clinic.",
            "voice", Map.of("provider", "11labs", "voiceId", "rachel"),
            "model",
                    Map.of(
                            "provider",
                            "openai",
                            "temperature",
                            0.3,
                            "messages",
                            List.of(Map.of("role", "system", "content", "You schedule visits.")))));

    // Every port passes unless a test says otherwise.
    private final List<String> rateLimitKeys = new ArrayList<>();
    private RateDecision rateDecision = RateDecision.ALLOWED;
    private final List<SignedWebhook> verified = new ArrayList<>();
    private final List<Optional<WebhookCredential>> credentialsChecked = new ArrayList<>();
    private SignatureVerdict verdict = new SignatureVerdict.Valid("hex");
    private final List<byte[]> parsed = new ArrayList<>();
    private DomainException parseFailure;
    private VapiMessage message = assistantRequest(call(Optional.of(CALL_ID), Optional.of(CUSTOMER)));
    private final InMemoryAgents agents = new InMemoryAgents();
    private final List<CallbackRequest> callbackRequests = new ArrayList<>();
    private CallbackOutcome callbackOutcome = new CallbackOutcome.Failed(CallbackFailure.UNREACHABLE);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final VaultTokens vaultTokens = new VaultTokens(
            KeyRing.of(Map.of(
                    MaskingPolicy.HEALTHCARE_KID, new KeyRing.Keys(filled(KeyRing.KEY_BYTES, 5), Optional.empty()))),
            new SecureRandom());
    private final PhoneFingerprinter fingerprinter = new PhoneFingerprinter(vaultTokens, MaskingPolicy.HEALTHCARE_KID);

    private final InMemoryProxySessions sessions = new InMemoryProxySessions();
    private final List<SessionId> totalsAsked = new ArrayList<>();
    private TurnTotals totals = TurnTotals.NONE;
    private final List<String> relayedTo = new ArrayList<>();
    private final List<String> relayedInBackgroundTo = new ArrayList<>();
    private RelayOutcome relayOutcome = new RelayOutcome.Answered("{\"results\":[]}".getBytes(StandardCharsets.UTF_8));
    private final RelayVapiMessagePort relay = new RelayVapiMessagePort() {
        @Override
        public RelayOutcome relay(ForwardTarget target, byte[] message) {
            relayedTo.add(target.url() + " " + new String(message, StandardCharsets.UTF_8));
            return relayOutcome;
        }

        @Override
        public void relayInBackground(ForwardTarget target, byte[] message) {
            relayedInBackgroundTo.add(target.url() + " " + new String(message, StandardCharsets.UTF_8));
        }
    };

    private AnswerVapiMessageService service() {
        return new AnswerVapiMessageService(
                new AnswerVapiMessageService.Ports(
                        key -> {
                            rateLimitKeys.add(key);
                            return rateDecision;
                        },
                        (delivery, credential) -> {
                            verified.add(delivery);
                            credentialsChecked.add(credential);
                            return verdict;
                        },
                        body -> {
                            parsed.add(body);
                            if (parseFailure != null) {
                                throw parseFailure;
                            }
                            return message;
                        },
                        agents,
                        (callback, request) -> {
                            callbackRequests.add(request);
                            return callbackOutcome;
                        },
                        audit,
                        sessions,
                        (agent, session, since) -> {
                            totalsAsked.add(session);
                            return totals;
                        },
                        relay,
                        new SequentialIds()),
                Clock.fixed(NOW, ZoneOffset.UTC),
                fingerprinter,
                new AgentUrls(PUBLIC_URL),
                Duration.ofSeconds(300));
    }

    /** The assistant configuration the service answers the command with. */
    private AssistantConfig assistant(AnswerVapiMessageService service, AnswerVapiMessageCommand command) {
        return service.answer(command).assistant().orElseThrow();
    }

    /** The JSON object the service answers the command with. */
    private Map<String, Object> reply(AnswerVapiMessageCommand command) {
        VapiAnswer answer = service().answer(command);
        assertEquals(Optional.empty(), answer.assistant());
        return answer.body();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static VapiCall call(Optional<String> id, Optional<String> customer) {
        return new VapiCall(id, Optional.of("asst_7f3c2a9e"), customer);
    }

    private static VapiMessage assistantRequest(VapiCall call) {
        return new VapiMessage(
                Optional.of("assistant-request"), Optional.of(call), OptionalLong.of(1_764_201_600_000L));
    }

    private static Agent agent(String upstream, AssistantConfig defaults, Optional<ConfigCallback> callback) {
        return Agent.restore(
                AGENT_ID,
                new AgentName("Front desk"),
                Upstream.parse(upstream).orElseThrow(),
                Tokenization.VAULT_DETERMINISTIC,
                Agent.DEFAULT_POLICY,
                defaults,
                callback,
                NOW.minusSeconds(86_400));
    }

    private void givenAStaticAgent() {
        agents.with(agent("openai:gpt-4o-mini", DEFAULTS, Optional.empty()));
    }

    private void givenAnAgentWithACallback() {
        agents.with(agent("openai:gpt-4o-mini", DEFAULTS, Optional.of(CALLBACK)));
    }

    private static AnswerVapiMessageCommand command(String agentIdText) {
        return new AnswerVapiMessageCommand(
                agentIdText,
                new SignedWebhook(
                        "{\"raw\":true}\n".getBytes(StandardCharsets.UTF_8), Map.of("X-Vapi-Signature", "sig")),
                REQUEST_ID);
    }

    private DomainException rejection(String agentIdText) {
        return assertThrows(DomainException.class, () -> service().answer(command(agentIdText)));
    }

    private void givenEveryCheckFailsFromRateLimitOn() {
        rateDecision = new RateDecision.Limited(Duration.ofMillis(2500));
        verdict = new SignatureVerdict.Invalid("no valid signature");
        parseFailure = DomainException.of(ErrorCode.INVALID_JSON, "The body is not valid JSON.");
        message = new VapiMessage(Optional.of("status-update"), Optional.empty(), OptionalLong.empty());
        // The agent id is well formed but no agent has it.
    }

    private void assertNothingResolvedOrAudited() {
        assertTrue(callbackRequests.isEmpty(), "no callback");
        assertEquals(0, audit.attempts(), "no audit event");
    }

    // --- The order of the checks (SPEC §4) ---

    @Test
    void givenEveryCheckFailing_answer_rejectsAsRateLimitedWithoutCheckingTheSignature() {
        givenEveryCheckFailsFromRateLimitOn();

        DomainException thrown = rejection(AGENT_TEXT);

        assertEquals(ErrorCode.RATE_LIMITED, thrown.code());
        assertEquals(Optional.of(Duration.ofMillis(2500)), thrown.retryAfter());
        assertTrue(verified.isEmpty(), "the signature is not checked");
        assertTrue(parsed.isEmpty());
        assertTrue(agents.loads().isEmpty());
        assertNothingResolvedOrAudited();
    }

    @Test
    void givenEveryCheckFailingButTheRateLimit_answer_rejectsAsBadSignatureWithoutParsing() {
        givenEveryCheckFailsFromRateLimitOn();
        rateDecision = RateDecision.ALLOWED;

        DomainException thrown = rejection(AGENT_TEXT);

        assertEquals(ErrorCode.BAD_SIGNATURE, thrown.code());
        assertEquals(1, verified.size());
        assertTrue(parsed.isEmpty(), "nothing is parsed before the signature is checked");
        assertEquals(List.of(AGENT_ID), agents.loads(), "looked up by the path alone, for a credential of its own");
        assertEquals(List.of(Optional.empty()), credentialsChecked, "an unknown agent: the deployment's credential");
        assertNothingResolvedOrAudited();
    }

    @Test
    void givenAnAgentWithItsOwnCredential_answer_checksTheDeliveryAgainstThatCredential() {
        WebhookCredential own = new WebhookCredential.Bearer("clinic-a-token-0123456789", "x-clinic-token");
        agents.with(agent("openai:gpt-4o-mini", DEFAULTS, Optional.empty()).withWebhookCredential(Optional.of(own)));
        message = new VapiMessage(Optional.of("status-update"), Optional.empty(), OptionalLong.empty());

        service().answer(command(AGENT_TEXT));

        assertEquals(List.of(Optional.of(own)), credentialsChecked);
    }

    @Test
    void givenAnAgentWithoutItsOwnCredential_answer_checksTheDeliveryAgainstTheDeployments() {
        givenAnAgentWithACallback();
        message = new VapiMessage(Optional.of("status-update"), Optional.empty(), OptionalLong.empty());

        service().answer(command(AGENT_TEXT));

        assertEquals(List.of(Optional.empty()), credentialsChecked);
    }

    @Test
    void givenABadSignatureAndAMalformedAgentId_answer_stillRejectsAsBadSignature() {
        verdict = new SignatureVerdict.Invalid("no valid signature");

        assertEquals(ErrorCode.BAD_SIGNATURE, rejection("not-an-agent").code());
    }

    @Test
    void givenAValidSignatureAndEveryLaterCheckFailing_answer_rejectsAsInvalidJsonWithoutLoadingTheAgent() {
        givenEveryCheckFailsFromRateLimitOn();
        rateDecision = RateDecision.ALLOWED;
        verdict = new SignatureVerdict.Valid("hex");

        DomainException thrown = rejection("agt_malformed");

        assertEquals(ErrorCode.INVALID_JSON, thrown.code());
        assertTrue(agents.loads().isEmpty());
        assertNothingResolvedOrAudited();
    }

    @Test
    void givenValidJsonForAnUnknownAgentAndAnUnsupportedEvent_answer_rejectsAsAgentNotFound() {
        givenEveryCheckFailsFromRateLimitOn();
        rateDecision = RateDecision.ALLOWED;
        verdict = new SignatureVerdict.Valid("hex");
        parseFailure = null;

        DomainException thrown = rejection(AGENT_TEXT);

        assertEquals(ErrorCode.AGENT_NOT_FOUND, thrown.code());
        assertEquals(List.of(AGENT_ID), agents.loads());
        assertNothingResolvedOrAudited();
    }

    @Test
    void givenAKnownAgentAndAMessageWithoutType_answer_rejectsAsUnsupportedEvent() {
        givenEveryCheckFailsFromRateLimitOn();
        rateDecision = RateDecision.ALLOWED;
        verdict = new SignatureVerdict.Valid("hex");
        parseFailure = null;
        message = new VapiMessage(Optional.empty(), Optional.empty(), OptionalLong.empty());
        givenAnAgentWithACallback();

        assertEquals(ErrorCode.UNSUPPORTED_EVENT, rejection(AGENT_TEXT).code());
        assertNothingResolvedOrAudited();
    }

    @Test
    void givenAnAssistantRequestWithoutCall_answer_rejectsAsValidationFailedNamingCall() {
        givenAnAgentWithACallback();
        message = new VapiMessage(Optional.of("assistant-request"), Optional.empty(), OptionalLong.empty());

        DomainException thrown = rejection(AGENT_TEXT);

        assertEquals(ErrorCode.VALIDATION_FAILED, thrown.code());
        assertEquals(
                List.of("call"),
                thrown.details().stream().map(FieldProblem::field).toList());
        assertNothingResolvedOrAudited();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n"})
    void givenACallWithoutAUsableId_answer_rejectsAsValidationFailedNamingCallId(String id) {
        givenAnAgentWithACallback();
        message = assistantRequest(call(Optional.of(id), Optional.of(CUSTOMER)));

        DomainException thrown = rejection(AGENT_TEXT);

        assertEquals(ErrorCode.VALIDATION_FAILED, thrown.code());
        assertEquals(
                List.of("call.id"),
                thrown.details().stream().map(FieldProblem::field).toList());
        assertNothingResolvedOrAudited();
    }

    @Test
    void givenACallWithNoId_answer_rejectsAsValidationFailedNamingCallId() {
        givenAStaticAgent();
        message = assistantRequest(call(Optional.empty(), Optional.of(CUSTOMER)));

        DomainException thrown = rejection(AGENT_TEXT);

        assertEquals(ErrorCode.VALIDATION_FAILED, thrown.code());
        assertEquals("call.id", thrown.details().get(0).field());
        assertFalse(thrown.getMessage().contains(CUSTOMER));
    }

    // --- Every other server message (SPEC §4, step 5) ---

    @ParameterizedTest
    @ValueSource(
            strings = {
                "status-update",
                "speech-update",
                "transcript",
                "conversation-update",
                "hang",
                "user-interrupted",
                "model-output",
                "transfer-update",
                "language-change-detected",
                "voice-input",
                "assistant-speech",
                "phone-call-control",
                "chat.created",
                "session.created",
                "call.deleted",
                "a-type-vapi-adds-next-year"
            })
    void givenAnInformationalOrUnknownMessage_answer_repliesWithAnEmptyObjectAndRecordsNothing(String type) {
        givenAStaticAgent();
        message = new VapiMessage(Optional.of(type), Optional.empty(), OptionalLong.empty());

        assertEquals(Map.of(), reply(command(AGENT_TEXT)));
        assertNothingResolvedOrAudited();
        assertEquals(List.of("vapi-webhook:" + AGENT_TEXT), rateLimitKeys, "rate limited like the assistant-request");
        assertEquals(1, verified.size(), "signed like the assistant-request");
    }

    @Test
    void givenToolCallsAndNoBackend_answer_repliesWithAnErrorResultForEachToolCall() {
        givenAStaticAgent();
        message = new VapiMessage(
                Optional.of("tool-calls"),
                Optional.of(call(Optional.of(CALL_ID), Optional.empty())),
                OptionalLong.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(
                        new VapiToolCall("call_tool_1", Optional.of("book_visit")),
                        new VapiToolCall("call_tool_2", Optional.empty())));

        Map<String, Object> body = reply(command(AGENT_TEXT));

        assertEquals(
                Map.of(
                        "results",
                        List.of(
                                Map.of(
                                        "toolCallId",
                                        "call_tool_1",
                                        "name",
                                        "book_visit",
                                        "error",
                                        AnswerVapiMessageService.NO_BACKEND),
                                Map.of("toolCallId", "call_tool_2", "error", AnswerVapiMessageService.NO_BACKEND))),
                body);
        assertNothingResolvedOrAudited();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "transfer-destination-request",
                "knowledge-base-request",
                "handoff-destination-request",
                "voice-request",
                "call.endpointing.request",
                "campaign.predial"
            })
    void givenAnotherMessageThatNeedsAnAnswerAndNoBackend_answer_repliesWithAnError(String type) {
        givenAStaticAgent();
        message = new VapiMessage(Optional.of(type), Optional.empty(), OptionalLong.empty());

        assertEquals(Map.of("error", AnswerVapiMessageService.NO_BACKEND), reply(command(AGENT_TEXT)));
        assertNothingResolvedOrAudited();
    }

    private static final ForwardTarget FORWARD = new ForwardTarget(
            URI.create("https://clinic.example.com/vapi"),
            "fw_secret_0123456789",
            Duration.ofSeconds(5),
            Set.of("status-update"));

    private void givenAnAgentWithABackend() {
        agents.with(agent("openai:gpt-4o-mini", DEFAULTS, Optional.empty()).withForward(Optional.of(FORWARD)));
    }

    private static VapiMessage toolCalls() {
        return new VapiMessage(
                Optional.of("tool-calls"),
                Optional.of(call(Optional.of(CALL_ID), Optional.empty())),
                OptionalLong.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(new VapiToolCall("call_tool_1", Optional.of("book_visit"))));
    }

    // --- A signed message sent again later ---

    private static VapiMessage sentAt(VapiMessage message, long millis) {
        return new VapiMessage(
                message.type(),
                message.call(),
                OptionalLong.of(millis),
                message.endedReason(),
                message.startedAt(),
                message.endedAt(),
                message.toolCalls());
    }

    @Test
    void givenAnAssistantRequestSignedMoreThanTheWindowAgo_answer_refusesItWithoutAnsweringTheProxyKey() {
        givenAnAgentWithACallback();
        message = sentAt(
                assistantRequest(call(Optional.of(CALL_ID), Optional.empty())),
                NOW.minusSeconds(301).toEpochMilli());

        assertEquals(ErrorCode.BAD_SIGNATURE, rejection(AGENT_TEXT).code());
        assertNothingResolvedOrAudited();
    }

    @Test
    void givenToolCallsSignedADayAgo_answer_refusesThemWithoutRelaying() {
        givenAnAgentWithABackend();
        message = sentAt(toolCalls(), NOW.minusSeconds(86_400).getEpochSecond());

        assertEquals(ErrorCode.BAD_SIGNATURE, rejection(AGENT_TEXT).code());
        assertTrue(relayedTo.isEmpty(), "nothing relayed");
    }

    @Test
    void givenMessagesWithinTheWindowOrWithoutATimestampOrInformational_answer_answersThem() {
        givenAnAgentWithACallback();
        message = sentAt(
                assistantRequest(call(Optional.of(CALL_ID), Optional.empty())),
                NOW.plusSeconds(299).toEpochMilli());
        assertTrue(service().answer(command(AGENT_TEXT)).assistant().isPresent(), "within the window");
        message = new VapiMessage(
                Optional.of("assistant-request"),
                Optional.of(call(Optional.of(CALL_ID), Optional.empty())),
                OptionalLong.empty());
        assertTrue(service().answer(command(AGENT_TEXT)).assistant().isPresent(), "no time stamp to judge by");
        message = new VapiMessage(Optional.of("status-update"), Optional.empty(), OptionalLong.of(0L));
        assertEquals(Map.of(), reply(command(AGENT_TEXT)), "an informational message is answered whenever it comes");
    }

    @Test
    void givenToolCallsAndABackend_answer_relaysTheMessageAsSentAndPassesTheAnswerOn() {
        givenAnAgentWithABackend();
        message = toolCalls();

        VapiAnswer answer = service().answer(command(AGENT_TEXT));

        assertEquals("{\"results\":[]}", new String(answer.relayed().orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(
                List.of("https://clinic.example.com/vapi {\"raw\":true}\n"), relayedTo, "the raw delivery, unmasked");
        assertNothingResolvedOrAudited();
    }

    @Test
    void givenABackendThatFails_answer_repliesWithTheFailureShape() {
        givenAnAgentWithABackend();
        message = toolCalls();
        relayOutcome = new RelayOutcome.Failed("timeout");

        Map<String, Object> body = reply(command(AGENT_TEXT));

        assertEquals(
                List.of(Map.of(
                        "toolCallId",
                        "call_tool_1",
                        "name",
                        "book_visit",
                        "error",
                        AnswerVapiMessageService.NO_BACKEND)),
                body.get("results"));
    }

    @ParameterizedTest
    @CsvSource({"status-update, 1", "transcript, 0"})
    void givenAnInformationalMessage_answer_relaysItInTheBackgroundOnlyWhenTheBackendListsItsType(
            String type, int relays) {
        givenAnAgentWithABackend();
        message = new VapiMessage(Optional.of(type), Optional.empty(), OptionalLong.empty());

        assertEquals(Map.of(), reply(command(AGENT_TEXT)));
        assertEquals(relays, relayedInBackgroundTo.size());
        assertTrue(relayedTo.isEmpty(), "Vapi's answer never waits on an informational relay");
    }

    private static VapiMessage endOfCallReport(
            Optional<String> reason, Optional<Instant> startedAt, Optional<Instant> endedAt) {
        return new VapiMessage(
                Optional.of("end-of-call-report"),
                Optional.of(call(Optional.of(CALL_ID), Optional.of(CUSTOMER))),
                OptionalLong.empty(),
                reason,
                startedAt,
                endedAt,
                List.of());
    }

    @Test
    void givenAnEndOfCallReport_answer_endsTheSessionAndRecordsCallEndedWithItsTotals() {
        givenAStaticAgent();
        SessionId session = new SessionId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P2B"));
        sessions.withSession(AGENT_ID, CALL_ID, session, NOW.minusSeconds(300));
        totals = new TurnTotals(7, Map.of(PhiKind.NAME, 3, PhiKind.PHONE, 1));
        message = endOfCallReport(
                Optional.of("customer-ended-call"),
                Optional.of(NOW.minusSeconds(310)),
                Optional.of(NOW.minusSeconds(10)));

        assertEquals(Map.of(), reply(command(AGENT_TEXT)));

        assertEquals(Map.of(AGENT_TEXT + " " + CALL_ID, "customer-ended-call"), sessions.ended());
        assertEquals(List.of(session), totalsAsked);
        AuditEvent ended = audit.events().getFirst();
        assertEquals(AuditEventType.CALL_ENDED, ended.type());
        assertEquals(
                Map.of(
                        "call_id",
                        CALL_ID,
                        "session_id",
                        session.value(),
                        "duration_ms",
                        "300000",
                        "ended_reason",
                        "customer-ended-call",
                        "turns",
                        "7",
                        "masked_total",
                        "4",
                        "masked",
                        "NAME:3,PHONE:1",
                        "request_id",
                        REQUEST_ID.value()),
                ended.data());
        assertFalse(ended.data().toString().contains("4155552671"), "no digits of the caller's number");
    }

    @Test
    void givenAReportTwice_answer_recordsOneCallEnded() {
        givenAStaticAgent();
        message = endOfCallReport(Optional.of("assistant-ended-call"), Optional.empty(), Optional.empty());
        AnswerVapiMessageService service = service();

        service.answer(command(AGENT_TEXT));
        service.answer(command(AGENT_TEXT));

        assertEquals(2, audit.attempts());
        assertEquals(1, audit.events().size());
    }

    @Test
    void givenAReportForACallWithoutProxiedTurnsAndAFreeTextReason_answer_recordsZeroTurnsAndNoText() {
        givenAStaticAgent();
        message = endOfCallReport(Optional.of("Patient Jane Roe hung up"), Optional.empty(), Optional.empty());

        reply(command(AGENT_TEXT));

        Map<String, String> data = audit.events().getFirst().data();
        assertEquals("other", data.get("ended_reason"), "free text is never recorded");
        assertEquals("0", data.get("turns"));
        assertFalse(data.containsKey("session_id"));
        assertFalse(data.containsKey("duration_ms"));
        assertTrue(totalsAsked.isEmpty());
    }

    @Test
    void givenAReportWithoutCall_answer_rejectsAsValidationFailedNamingCall() {
        givenAStaticAgent();
        message = new VapiMessage(Optional.of("end-of-call-report"), Optional.empty(), OptionalLong.empty());

        DomainException thrown = rejection(AGENT_TEXT);

        assertEquals(ErrorCode.VALIDATION_FAILED, thrown.code());
        assertEquals(
                List.of("call"),
                thrown.details().stream().map(FieldProblem::field).toList());
        assertNothingResolvedOrAudited();
    }

    @Test
    void givenAnAuditLogThatCannotTakeTheReport_answer_failsWithAuditUnavailable() {
        givenAStaticAgent();
        audit.makeUnavailable();
        message = endOfCallReport(Optional.of("customer-ended-call"), Optional.empty(), Optional.empty());

        assertEquals(ErrorCode.AUDIT_UNAVAILABLE, rejection(AGENT_TEXT).code());
    }

    // --- The agent ---

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "agt_",
                "01JD8Q2W3E4R5T6Y7V8X9Z0P1A",
                "agt_01jd8q2w3e4r5t6y7v8x9z0p1a",
                "agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1",
                "agt_91JD8Q2W3E4R5T6Y7V8X9Z0P1A",
                "agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1L",
                "' OR 1=1 --"
            })
    void givenAMalformedAgentId_answer_rejectsAsAgentNotFoundWithoutLoadingAnyAgent(String agentIdText) {
        givenAStaticAgent();

        DomainException thrown = rejection(agentIdText);

        assertEquals(ErrorCode.AGENT_NOT_FOUND, thrown.code());
        assertTrue(agents.loads().isEmpty(), "the agent store is not touched");
        assertNothingResolvedOrAudited();
    }

    @Test
    void givenDifferentAgentIds_answer_limitsEachUnderItsOwnKey() {
        givenAStaticAgent();
        String other = "agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1B";

        assistant(service(), command(AGENT_TEXT));
        assistant(service(), command(AGENT_TEXT));
        assertThrows(DomainException.class, () -> service().answer(command(other)));

        assertEquals(3, rateLimitKeys.size());
        assertEquals(rateLimitKeys.get(0), rateLimitKeys.get(1));
        assertNotEquals(rateLimitKeys.get(0), rateLimitKeys.get(2));
        assertTrue(rateLimitKeys.get(0).contains(AGENT_TEXT));
    }

    @Test
    void givenADelivery_answer_verifiesTheExactDeliveryItWasGiven() {
        givenAStaticAgent();
        AnswerVapiMessageCommand command = command(AGENT_TEXT);

        service().answer(command);

        assertSame(command.delivery(), verified.get(0));
        assertSame(command.delivery().body(), parsed.get(0));
    }

    // --- Resolving and rewriting the configuration ---

    @Test
    void givenAnAgentWithoutCallback_answer_routesItsStaticDefaultsThroughTheProxy() {
        givenAStaticAgent();

        AssistantConfig answered = assistant(service(), command(AGENT_TEXT));

        Map<?, ?> model = (Map<?, ?>) answered.asMap().get("model");
        assertEquals("custom-llm", model.get("provider"));
        assertEquals(PROXY_URL, model.get("url"));
        assertEquals("gpt-4o-mini", model.get("model"), "the upstream's model when the defaults name none");
        assertEquals(0.3, model.get("temperature"));
        assertEquals("Thanks for calling the clinic.", answered.asMap().get("firstMessage"));
        assertEquals(DEFAULTS.asMap().get("voice"), answered.asMap().get("voice"));
        assertTrue(callbackRequests.isEmpty());
        assertEquals("static", onlyEvent().data().get("config_source"));
        assertFalse(onlyEvent().data().containsKey("fallback_reason"));
    }

    @Test
    void givenDefaultsThatNameAModelAndAnotherUrl_answer_keepsTheModelButRoutesThroughTheProxy() {
        agents.with(agent(
                "openai:gpt-4o-mini",
                AssistantConfig.of(Map.of(
                        "model", Map.of("provider", "openai", "url", "https://api.openai.com/v1", "model", "gpt-4o"))),
                Optional.empty()));

        AssistantConfig answered = assistant(service(), command(AGENT_TEXT));

        assertEquals(
                Map.of("provider", "custom-llm", "url", PROXY_URL, "model", "gpt-4o"),
                answered.asMap().get("model"));
        assertEquals("gpt-4o", onlyEvent().data().get("model"));
    }

    @Test
    void givenACallbackWithOverrides_answer_mergesThemOverTheDefaultsAndRecordsTheCallbackSource() {
        Agent agent = agent("openai:gpt-4o-mini", DEFAULTS, Optional.of(CALLBACK));
        agents.with(agent.withProxyAccess(agent.proxyAccess().withAllowedModels(List.of("gpt-4o"))));
        callbackOutcome = new CallbackOutcome.Overrides(AssistantConfig.of(Map.of(
                "firstMessage", "Hi Ana, calling about Tuesday?",
                "voice", Map.of("voiceId", "elliot"),
                "model", Map.of("model", "gpt-4o", "provider", "openai", "url", "https://elsewhere.example.com"))));

        AssistantConfig answered = assistant(service(), command(AGENT_TEXT));

        assertEquals("Hi Ana, calling about Tuesday?", answered.asMap().get("firstMessage"));
        assertEquals(
                Map.of("provider", "11labs", "voiceId", "elliot"),
                answered.asMap().get("voice"));
        Map<?, ?> model = (Map<?, ?>) answered.asMap().get("model");
        assertEquals("gpt-4o", model.get("model"));
        assertEquals("custom-llm", model.get("provider"));
        assertEquals(PROXY_URL, model.get("url"));
        assertEquals(0.3, model.get("temperature"));
        AuditEvent event = onlyEvent();
        assertEquals("callback", event.data().get("config_source"));
        assertEquals("gpt-4o", event.data().get("model"));
        assertFalse(event.data().containsKey("fallback_reason"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "gpt-4o-mini\u0000", "gpt\ud800"})
    void givenACallbackNamingAModelTheProxyRefuses_answer_fallsBackToTheDefaults(String model) {
        givenAnAgentWithACallback();
        callbackOutcome = new CallbackOutcome.Overrides(
                AssistantConfig.of(Map.of("firstMessage", "Hi there", "model", Map.of("model", model))));

        AssistantConfig answered = assistant(service(), command(AGENT_TEXT));

        assertEquals(DEFAULTS.routedThroughProxy(URI.create(PROXY_URL), "gpt-4o-mini"), answered);
        AuditEvent event = onlyEvent();
        assertEquals("callback_fallback", event.data().get("config_source"));
        assertEquals("model_not_allowed", event.data().get("fallback_reason"));
        assertEquals("gpt-4o-mini", event.data().get("model"));
    }

    @Test
    void givenACallback_answer_tellsItTheAgentTheCallAndVapisTimestamp() {
        givenAnAgentWithACallback();
        callbackOutcome = new CallbackOutcome.Overrides(AssistantConfig.empty());

        assistant(service(), command(AGENT_TEXT));

        CallbackRequest request = callbackRequests.get(0);
        assertEquals(AGENT_ID, request.agentId());
        assertEquals(Optional.of(CALL_ID), request.call().id());
        assertEquals(
                Optional.of(CUSTOMER), request.call().customerNumber(), "the agent's own callback gets the number");
        assertEquals(OptionalLong.of(1_764_201_600_000L), request.timestamp());
    }

    @ParameterizedTest
    @EnumSource(CallbackFailure.class)
    void givenAFailingCallback_answer_fallsBackToTheStaticDefaultsAndRecordsWhy(CallbackFailure failure) {
        givenAnAgentWithACallback();
        callbackOutcome = new CallbackOutcome.Failed(failure);

        AssistantConfig answered = assistant(service(), command(AGENT_TEXT));

        assertEquals(DEFAULTS.routedThroughProxy(URI.create(PROXY_URL), "gpt-4o-mini"), answered);
        assertEquals(1, callbackRequests.size());
        AuditEvent event = onlyEvent();
        assertEquals("callback_fallback", event.data().get("config_source"));
        assertEquals(failure.wireName(), event.data().get("fallback_reason"));
    }

    @Test
    void givenEachFailure_wireName_isTheAuditSpelling() {
        assertEquals(
                List.of("timeout", "error_status", "invalid_body", "unreachable", "model_not_allowed"),
                Arrays.stream(CallbackFailure.values())
                        .map(CallbackFailure::wireName)
                        .toList());
    }

    // --- The audit record ---

    @Test
    void givenACallWithACustomerNumber_answer_recordsCallStartedWithAFingerprintAndNoDigitsOfTheNumber() {
        givenAStaticAgent();

        assistant(service(), command(AGENT_TEXT));

        AuditEvent event = onlyEvent();
        assertEquals(AuditEventType.CALL_STARTED, event.type());
        assertEquals(Optional.of(AGENT_ID), event.agentId());
        assertEquals(NOW, event.occurredAt());
        assertEquals(CALL_ID, event.data().get("call_id"));
        assertEquals("asst_7f3c2a9e", event.data().get("assistant_id"));
        assertEquals("gpt-4o-mini", event.data().get("model"));
        assertEquals("static", event.data().get("config_source"));
        assertEquals(REQUEST_ID.value(), event.data().get("request_id"));
        // The same value as the MSKV1 PHONE token that masking gives the number, however it is written.
        assertEquals(
                vaultTokens
                        .token(PhiKind.PHONE, MaskingPolicy.HEALTHCARE_KID, "(415) 555-2671")
                        .value(),
                event.data().get("customer_fingerprint"));
        String digits = CUSTOMER.substring(1);
        for (String value : event.data().values()) {
            for (int i = 0; i + 4 <= digits.length(); i++) {
                assertFalse(value.contains(digits.substring(i, i + 4)), value);
            }
        }
    }

    @Test
    void givenAConfigWithAPrompt_answer_neverRecordsTheConfiguration() {
        givenAStaticAgent();

        assistant(service(), command(AGENT_TEXT));

        String data = String.join("|", onlyEvent().data().values());
        assertFalse(data.contains("schedule visits"));
        assertFalse(data.contains("Thanks for calling"));
        assertFalse(data.contains("rachel"));
    }

    @Test
    void givenACallWithoutCustomerNumber_answer_recordsNoFingerprint() {
        givenAStaticAgent();
        message = assistantRequest(call(Optional.of(CALL_ID), Optional.empty()));

        assistant(service(), command(AGENT_TEXT));

        assertFalse(onlyEvent().data().containsKey("customer_fingerprint"));
    }

    @Test
    void givenAnAuditLogThatCannotTakeTheEvent_answer_failsWithAuditUnavailableAndAnswersNothing() {
        givenAStaticAgent();
        audit.makeUnavailable();
        AnswerVapiMessageService service = service();
        List<AssistantConfig> answers = new ArrayList<>();

        DomainException thrown =
                assertThrows(DomainException.class, () -> answers.add(assistant(service, command(AGENT_TEXT))));

        assertEquals(ErrorCode.AUDIT_UNAVAILABLE, thrown.code());
        assertTrue(answers.isEmpty());
        assertEquals(1, audit.attempts());
        assertTrue(audit.events().isEmpty());
    }

    @Test
    void givenTheSameCallTwice_answer_returnsTheSameConfigurationAndRecordsOneCallStarted() {
        givenAStaticAgent();
        AnswerVapiMessageService service = service();

        AssistantConfig first = assistant(service, command(AGENT_TEXT));
        AssistantConfig second = assistant(service, command(AGENT_TEXT));

        assertEquals(first, second);
        assertEquals(2, audit.attempts());
        assertEquals(1, audit.events().size());
    }

    @Test
    void givenTwoDifferentCalls_answer_recordsACallStartedForEach() {
        givenAStaticAgent();
        AnswerVapiMessageService service = service();

        service.answer(command(AGENT_TEXT));
        message = assistantRequest(call(Optional.of("call_2"), Optional.of(CUSTOMER)));
        service.answer(command(AGENT_TEXT));

        assertEquals(
                List.of(CALL_ID, "call_2"),
                audit.events().stream().map(e -> e.data().get("call_id")).toList());
        assertNotEquals(audit.events().get(0).id(), audit.events().get(1).id());
    }

    private AuditEvent onlyEvent() {
        assertEquals(1, audit.events().size(), "exactly one audit event");
        return assertInstanceOf(AuditEvent.class, audit.events().get(0));
    }
}
