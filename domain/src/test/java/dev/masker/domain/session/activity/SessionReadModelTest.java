package dev.masker.domain.session.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionReadModelTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final SessionId SESSION = new SessionId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P9Z"));
    private static final AgentId AGENT =
            AgentId.parse("agt_01JD8Q7M2K3N4P5Q6R7S8T9V0W").orElseThrow();

    private static Map<String, String> turnData(String outcome, String masked, String detectUs, String maskUs) {
        return Map.of(
                "session_id",
                SESSION.value(),
                "request_id",
                "req_1",
                "outcome",
                outcome,
                "stream",
                "true",
                "model",
                "gpt-4o",
                "policy",
                "healthcare-default",
                "policy_version",
                "3",
                "masked",
                masked,
                "detect_us",
                detectUs,
                "mask_us",
                maskUs);
    }

    @Test
    void givenATurnEventsData_of_readsItsCountsPolicyAndTimings() {
        SessionTurn turn = SessionTurn.of(7, AT, turnData("ok", "NAME:2,PHONE:1", "400", "900"));

        assertEquals(7, turn.seq());
        assertEquals(Map.of(PhiKind.NAME, 2L, PhiKind.PHONE, 1L), turn.masked());
        assertEquals(3, turn.maskedTotal());
        assertEquals(Optional.of("healthcare-default"), turn.policyName());
        assertEquals(Optional.of(3), turn.policyVersion());
        assertTrue(turn.stream());
        assertEquals(Duration.ofNanos(400_000), turn.stages().get(SessionTurn.Stage.DETECTION));
        assertFalse(turn.stages().containsKey(SessionTurn.Stage.UPSTREAM), "an untimed stage is left out");
    }

    @Test
    void givenListedValues_of_readsEachAndSkipsWhatItCannotRead() {
        Map<String, String> data = Map.of(
                "values",
                "t1:12-23:NAME:tokenize:MSKV1:K_HEALTHCARE:name;"
                        + "t1:30-42:PHONE:redact:-:-:value_run;t2:0-5:SHOE:tokenize:MSKV1:K_X:name;garbage",
                "values_omitted",
                "4");

        SessionTurn turn = SessionTurn.of(1, AT, data);

        assertEquals(
                List.of(
                        new SessionTurn.Value(
                                1,
                                12,
                                23,
                                PhiKind.NAME,
                                "tokenize",
                                Optional.of("MSKV1"),
                                Optional.of("K_HEALTHCARE"),
                                "name"),
                        new SessionTurn.Value(
                                1, 30, 42, PhiKind.PHONE, "redact", Optional.empty(), Optional.empty(), "value_run")),
                turn.values());
        assertEquals(4, turn.valuesOmitted());
    }

    @Test
    void givenAnOlderOrDamagedEvent_of_leavesOutWhatItCannotRead() {
        SessionTurn turn = SessionTurn.of(1, AT, Map.of("masked", "NAME:x,WHAT:3,,PHONE:2", "restored", "many"));

        assertEquals(Map.of(PhiKind.PHONE, 2L), turn.masked());
        assertEquals(Optional.empty(), turn.policyName());
        assertEquals(0, turn.restored());
        assertEquals("failed", turn.outcome());
    }

    @Test
    void givenTurnsThatFailedOrNot_status_isOkPartialOrError() {
        assertEquals(SessionStatus.OK, SessionStatus.of(0, 0));
        assertEquals(SessionStatus.OK, SessionStatus.of(3, 0));
        assertEquals(SessionStatus.PARTIAL, SessionStatus.of(3, 1));
        assertEquals(SessionStatus.ERROR, SessionStatus.of(3, 3));
        assertFalse(SessionStatus.isFailure("client_gone"), "a caller who talks over the agent is not a failure");
        assertTrue(SessionStatus.isFailure("upstream_timeout"));
        assertEquals(Optional.of(SessionStatus.PARTIAL), SessionStatus.parse("partial"));
        assertEquals(Optional.empty(), SessionStatus.parse("PARTIAL"));
    }

    @Test
    void givenTurns_detail_givesMediansThePolicyOfTheLastAndTheLeakFindings() {
        SessionTurn first = SessionTurn.of(1, AT, turnData("ok", "NAME:1", "100", "300"));
        SessionTurn second = SessionTurn.of(2, AT, Map.of("outcome", "ok", "detect_us", "300", "leak_findings", "2"));
        SessionTurn third = SessionTurn.of(3, AT, turnData("ok", "NAME:1", "200", "500"));
        SessionSummary summary = new SessionSummary(
                SESSION,
                AGENT,
                "Front desk",
                AT,
                Optional.of(AT.plusSeconds(90)),
                3,
                0,
                Map.of(PhiKind.NAME, 2L),
                Optional.of("gpt-4o"));

        SessionDetail detail = new SessionDetail(summary, List.of(first, second, third), Optional.empty());

        assertEquals(Duration.ofNanos(200_000), detail.medianStages().get(SessionTurn.Stage.DETECTION));
        assertEquals(
                Duration.ofNanos(400_000), detail.medianStages().get(SessionTurn.Stage.MASKING), "even count: mean");
        assertEquals(Optional.of(third), detail.lastWithPolicy());
        assertEquals(List.of(second), detail.leakFindings());
        assertEquals(2, summary.redactionCount());
        assertEquals(Optional.of(Duration.ofSeconds(90)), summary.duration());
    }
}
