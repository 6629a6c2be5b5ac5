package dev.masker.testsupport.ports;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.assistant.ResolvedAssistant;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.id.EventId;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.vapi.CallId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Audit events for the tests of the audit log, each with new ids. */
public final class SampleEvents {
    public static final Instant AT = Instant.parse("2026-03-01T09:30:00.000Z");

    private SampleEvents() {}

    /** An {@code agent_created} at {@link #AT}, for a new agent, without a dedup key. */
    public static AuditEvent agentCreated() {
        return agentCreatedAt(AT);
    }

    /** An {@code agent_created} at the instant, for a new agent, without a dedup key. */
    public static AuditEvent agentCreatedAt(Instant at) {
        return AuditEvent.agentCreated(
                new EventId(ulid()), at, newAgentId(), "ops-admin", Optional.empty(), new RequestId(ulid()));
    }

    /** A {@code call_started} for the agent and call; each one has its own event id but they share one dedup key. */
    public static AuditEvent callStarted(AgentId agent, CallId call) {
        return AuditEvent.callStarted(
                new EventId(ulid()),
                AT,
                agent,
                call,
                Optional.of("asst-front-desk"),
                "gpt-4o",
                ResolvedAssistant.fromDefaults(AssistantConfig.empty()),
                new RequestId(ulid()),
                Optional.empty());
    }

    /** A new agent id. */
    public static AgentId newAgentId() {
        return new AgentId(ulid());
    }

    /** A new call id. */
    public static CallId newCallId() {
        return new CallId("call-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36));
    }

    private static Ulid ulid() {
        return Ulid.generate(Instant.now(), ThreadLocalRandom.current());
    }
}
