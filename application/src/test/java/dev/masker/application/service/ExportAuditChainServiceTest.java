package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.masker.application.port.in.ExportAuditChainQuery;
import dev.masker.application.port.out.ReadAuditChainPort.Period;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The export's bounds: RFC 3339 times, {@code since} before {@code until}, checked before the log is read. */
class ExportAuditChainServiceTest {
    private final List<Period> read = new ArrayList<>();
    private final ExportAuditChainService service = new ExportAuditChainService((period, sink) -> {
        read.add(period);
        return 0;
    });

    @Test
    void givenTimesInUtcAndWithAnOffset_export_readsThatPeriod() {
        service.export(
                new ExportAuditChainQuery(
                        Optional.of("2026-05-01T00:00:00Z"), Optional.of("2026-05-31T20:00:00-04:00")),
                link -> {});

        assertEquals(
                List.of(new Period(
                        Optional.of(Instant.parse("2026-05-01T00:00:00Z")),
                        Optional.of(Instant.parse("2026-06-01T00:00:00Z")))),
                read);
    }

    @Test
    void givenNoBounds_export_readsTheWholeChain() {
        service.export(new ExportAuditChainQuery(Optional.empty(), Optional.empty()), link -> {});

        assertEquals(List.of(new Period(Optional.empty(), Optional.empty())), read);
    }

    @Test
    void givenBoundsThatAreNotTimes_export_isRefusedNamingBothWithoutReading() {
        DomainException refused = assertThrows(
                DomainException.class,
                () -> service.export(new ExportAuditChainQuery(Optional.of("yesterday"), Optional.of("")), link -> {}));

        assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
        assertEquals(
                List.of("since", "until"),
                refused.details().stream().map(FieldProblem::field).toList());
        assertEquals(List.of(), read);
    }

    @Test
    void givenUntilNotAfterSince_export_isRefusedNamingUntil() {
        DomainException refused = assertThrows(
                DomainException.class,
                () -> service.export(
                        new ExportAuditChainQuery(
                                Optional.of("2026-05-01T00:00:00Z"), Optional.of("2026-05-01T00:00:00Z")),
                        link -> {}));

        assertEquals(List.of(new FieldProblem("until", "must be after since")), refused.details());
        assertEquals(List.of(), read);
    }
}
