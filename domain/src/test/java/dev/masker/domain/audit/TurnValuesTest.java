package dev.masker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.masker.domain.agent.AgentId;
import dev.masker.domain.id.EventId;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.MaskAction;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnValuesTest {
    private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");
    private static final AuditEvent.StageTimes TIMES = new AuditEvent.StageTimes(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO);

    private static Map<String, String> dataOf(List<AuditEvent.MaskedValue> values) {
        AuditEvent.TurnRecord turn = new AuditEvent.TurnRecord(
                new SessionId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P9Z")),
                "stub",
                "stub",
                false,
                "ok",
                "healthcare-default",
                1,
                Map.of(PhiKind.NAME, values.size()),
                0,
                0,
                TIMES,
                values);
        return AuditEvent.turnProxied(
                        new EventId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P9A")),
                        AT,
                        AgentId.parse("agt_01JD8Q7M2K3N4P5Q6R7S8T9V0W").orElseThrow(),
                        turn,
                        new RequestId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P9B")))
                .data();
    }

    @Test
    void givenMaskedValues_turnProxied_listsPlaceKindActionSchemeKidAndRecognizerOnly() {
        Map<String, String> data = dataOf(List.of(
                new AuditEvent.MaskedValue(
                        1,
                        12,
                        23,
                        PhiKind.NAME,
                        MaskAction.TOKENIZE,
                        Optional.of(TokenScheme.MSKV1),
                        Optional.of(new Kid("K_HEALTHCARE")),
                        "name"),
                new AuditEvent.MaskedValue(
                        1, 31, 43, PhiKind.PHONE, MaskAction.REDACT, Optional.empty(), Optional.empty(), "value run")));

        assertEquals(
                "t1:12-23:NAME:tokenize:MSKV1:K_HEALTHCARE:name;t1:31-43:PHONE:redact:-:-:value_run",
                data.get("values"));
        assertFalse(data.containsKey("values_omitted"));
    }

    @Test
    void givenMoreValuesThanListed_turnProxied_saysHowManyItLeftOut() {
        List<AuditEvent.MaskedValue> many = new ArrayList<>();
        for (int i = 0; i < AuditEvent.MAX_VALUES_LISTED + 3; i++) {
            many.add(new AuditEvent.MaskedValue(
                    0, i, i + 1, PhiKind.NAME, MaskAction.PASS, Optional.empty(), Optional.empty(), ""));
        }

        Map<String, String> data = dataOf(many);

        assertEquals(AuditEvent.MAX_VALUES_LISTED, data.get("values").split(";").length);
        assertEquals("3", data.get("values_omitted"));
        assertEquals("t0:0-1:NAME:pass:-:-:-", data.get("values").split(";")[0]);
    }

    @Test
    void givenNoValues_turnProxied_listsNone() {
        assertFalse(dataOf(List.of()).containsKey("values"));
    }
}
