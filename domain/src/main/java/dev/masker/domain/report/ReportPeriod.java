package dev.masker.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A report's time window: events that occurred at or after {@code since} and before {@code until}. */
public record ReportPeriod(Instant since, Instant until) {
    public ReportPeriod {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (!since.isBefore(until)) {
            throw new IllegalArgumentException("a report period ends after it starts");
        }
    }

    /** How the period's activity is charted over time: by the hour up to two days, by the day beyond. */
    public ChronoUnit timelineBucket() {
        return Duration.between(since, until).compareTo(Duration.ofHours(48)) > 0 ? ChronoUnit.DAYS : ChronoUnit.HOURS;
    }
}
