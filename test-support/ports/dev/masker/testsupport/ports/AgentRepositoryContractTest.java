package dev.masker.testsupport.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.Ulid;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The contract of the agent repository ({@link LoadAgentPort} and {@link SaveAgentPort}), run against the in-memory
 * fake the service tests use ({@link InMemoryAgents}) and the PostgreSQL adapter alike. Every test makes agents with new
 * ids and names: the store is never emptied.
 */
public abstract class AgentRepositoryContractTest {
    // Microseconds: PostgreSQL's timestamptz keeps exactly these, so a store must give them back.
    public static final Instant CREATED_AT = Instant.parse("2026-03-01T09:30:15.123456Z");
    private static final AtomicLong LAST_ID_MILLIS = new AtomicLong();

    /** The reading side of the store under test. */
    protected abstract LoadAgentPort loadPort();

    /** The writing side of the same store. */
    protected abstract SaveAgentPort savePort();

    @Test
    void givenSavedAgentWithCallback_load_returnsEveryField() {
        ConfigCallback callback = new ConfigCallback(
                URI.create("https://ops.example.com/masker/config?tenant=7"),
                "s3cret-s3cret-s3cret",
                Duration.ofMillis(2750));
        AssistantConfig assistant = AssistantConfig.of(assistantTree());
        Agent agent = Agent.create(
                newId(),
                uniqueName("Front desk"),
                new Upstream(Upstream.Provider.OPENAI, "gpt-4o-mini"),
                Tokenization.REVERSIBLE_AEAD,
                "cardiology-strict",
                assistant,
                Optional.of(callback),
                CREATED_AT);

        savePort().create(agent);
        Agent loaded =
                loadPort().load(agent.id()).orElseThrow(() -> new AssertionError("the saved agent is not found"));

        assertEquals(agent.id(), loaded.id());
        assertEquals(agent.name(), loaded.name());
        assertEquals(agent.upstream(), loaded.upstream());
        assertEquals(Tokenization.REVERSIBLE_AEAD, loaded.tokenization());
        assertEquals("cardiology-strict", loaded.policyName());
        assertEquals(assistant, loaded.assistantDefaults());
        assertEquals(assistantTree(), loaded.assistantDefaults().asMap());
        assertEquals(Optional.of(callback), loaded.configCallback());
        assertEquals(CREATED_AT, loaded.createdAt());
    }

    @Test
    void givenSavedAgentWithoutCallback_load_returnsItWithoutCallback() {
        Agent agent = Agent.create(
                newId(),
                uniqueName("Night line"),
                Upstream.parse("stub").orElseThrow(),
                Tokenization.VAULT_DETERMINISTIC,
                Agent.DEFAULT_POLICY,
                AssistantConfig.empty(),
                Optional.empty(),
                CREATED_AT);

        savePort().create(agent);
        Agent loaded =
                loadPort().load(agent.id()).orElseThrow(() -> new AssertionError("the saved agent is not found"));

        assertEquals(Optional.empty(), loaded.configCallback());
        assertEquals(AssistantConfig.empty(), loaded.assistantDefaults());
        assertEquals(new Upstream(Upstream.Provider.STUB, "stub"), loaded.upstream());
        assertEquals(Tokenization.VAULT_DETERMINISTIC, loaded.tokenization());
        assertEquals(Optional.empty(), loaded.customPolicyYaml());
    }

    @Test
    void givenAgentWithItsOwnPolicy_load_returnsTheYamlAsSent() {
        String yaml = "# front desk\nname: front-desk\nversion: 1\nkid: K_FRONTDESK\ntokenization: reversible-aead\n";
        Agent agent = Agent.create(
                        newId(),
                        uniqueName("Own policy"),
                        Upstream.parse("stub").orElseThrow(),
                        Tokenization.VAULT_DETERMINISTIC,
                        "front-desk",
                        AssistantConfig.empty(),
                        Optional.empty(),
                        CREATED_AT)
                .withPolicy("front-desk", Optional.of(yaml));

        savePort().create(agent);
        Agent loaded =
                loadPort().load(agent.id()).orElseThrow(() -> new AssertionError("the saved agent is not found"));

        assertEquals("front-desk", loaded.policyName());
        assertEquals(Optional.of(yaml), loaded.customPolicyYaml());
    }

    @Test
    void givenUnknownId_load_returnsEmpty() {
        assertEquals(Optional.empty(), loadPort().load(newId()));
    }

    @Test
    void givenLiveAgentName_createSameNameInOtherCase_isRefusedAsNameTaken() {
        AgentName name = uniqueName("Pediatrics");
        savePort().create(agent(newId(), name));
        AgentId second = newId();

        DomainException refused = assertThrows(
                DomainException.class,
                () -> savePort().create(agent(second, new AgentName(name.value().toUpperCase(Locale.ROOT)))));

        assertEquals(ErrorCode.NAME_TAKEN, refused.code());
        assertEquals(Optional.empty(), loadPort().load(second));
    }

    @Test
    void givenConcurrentCreatesOfOneName_create_exactlyOneSucceeds() throws Exception {
        AgentName name = uniqueName("Race");
        int contenders = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<AgentId> ids = new ArrayList<>();
        List<Future<ErrorCode>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < contenders; i++) {
                AgentId id = newId();
                ids.add(id);
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        savePort().create(agent(id, name));
                        return null;
                    } catch (DomainException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
        }

        int created = 0;
        for (Future<ErrorCode> result : results) {
            ErrorCode refusal = result.get();
            if (refusal == null) {
                created++;
            } else if (refusal != ErrorCode.NAME_TAKEN) {
                fail("a concurrent create failed with " + refusal + " instead of name_taken");
            }
        }
        assertEquals(1, created, "creates that succeeded");
        long stored = ids.stream().filter(id -> loadPort().load(id).isPresent()).count();
        assertEquals(1, stored, "agents stored under the name");
    }

    /** A new id, later than every id made here before it: agents made one after another are ordered by their ids. */
    public static AgentId newId() {
        long millis = LAST_ID_MILLIS.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
        return new AgentId(Ulid.generate(Instant.ofEpochMilli(millis), ThreadLocalRandom.current()));
    }

    /** A name no other test uses: the prefix and a random suffix. */
    public static AgentName uniqueName(String prefix) {
        return new AgentName(
                prefix + " " + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36));
    }

    /** An agent with an OpenAI upstream, the default policy and a first message, created at {@link #CREATED_AT}. */
    public static Agent agent(AgentId id, AgentName name) {
        return Agent.create(
                id,
                name,
                Upstream.parse("openai:gpt-4o").orElseThrow(),
                Tokenization.VAULT_DETERMINISTIC,
                Agent.DEFAULT_POLICY,
                AssistantConfig.of(Map.of("firstMessage", "Hello")),
                Optional.empty(),
                CREATED_AT);
    }

    /** A Vapi assistant with nested objects, arrays, integers, decimals, booleans, a null and escaped text. */
    private static Map<String, Object> assistantTree() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("model", "gpt-4o-mini");
        model.put("temperature", 0.7);
        model.put("maxTokens", 250);
        model.put(
                "messages",
                List.of(Map.of("role", "system", "content", "You are \"Ava\",\nthe clinic's line — be brief.")));
        model.put(
                "tools",
                List.of(Map.of(
                        "type",
                        "function",
                        "async",
                        false,
                        "function",
                        Map.of("name", "book", "parameters", Map.of("required", List.of("date", "time"))))));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("firstMessage", "Hi, this is Ava. ¿En qué puedo ayudarle?");
        tree.put("model", model);
        tree.put("voice", Map.of("provider", "11labs", "voiceId", "paula", "stability", 0.5, "speed", 1.25));
        tree.put("silenceTimeoutSeconds", 30);
        tree.put("maxDurationSeconds", 4_000_000_000L);
        tree.put("endCallPhrases", List.of("goodbye", "bye now", List.of(1, 2.5, true)));
        tree.put("recordingEnabled", true);
        tree.put("voicemailMessage", null);
        return tree;
    }
}
