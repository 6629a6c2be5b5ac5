package dev.masker.application.service;

import dev.masker.application.port.in.ExportAuditChainQuery;
import dev.masker.application.port.in.ExportAuditChainUseCase;
import dev.masker.application.port.out.ReadAuditChainPort;
import dev.masker.domain.audit.ChainLink;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Checks the period's bounds, then streams the stored chain over it. */
public final class ExportAuditChainService implements ExportAuditChainUseCase {
    private static final String TIME_PROBLEM =
            "must be an RFC 3339 time in UTC or with an offset, e.g. 2026-05-01T00:00:00Z";

    private final ReadAuditChainPort chain;

    public ExportAuditChainService(ReadAuditChainPort chain) {
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    @Override
    public long export(ExportAuditChainQuery query, Consumer<ChainLink> sink) {
        Objects.requireNonNull(sink, "sink");
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Instant> since = time("since", query.since(), problems);
        Optional<Instant> until = time("until", query.until(), problems);
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            problems.add(new FieldProblem("until", "must be after since"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return chain.read(new ReadAuditChainPort.Period(since, until), sink);
    }

    private static Optional<Instant> time(String field, Optional<String> text, List<FieldProblem> problems) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, TIME_PROBLEM));
            return Optional.empty();
        }
    }
}
