package dev.masker.domain.report;

import dev.masker.domain.id.Ulid;
import java.util.Objects;

/** The id of one generated report: {@code rep_} + ULID. A report is computed on every request, so each gets a new id. */
public record ReportId(Ulid ulid) {
    public static final String PREFIX = "rep_";

    public ReportId {
        Objects.requireNonNull(ulid, "ulid");
    }

    public String value() {
        return PREFIX + ulid.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
