package dev.masker.bootstrap;

import dev.masker.adapters.audit.AuditBatchListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * Masker's one meter registry, in Prometheus form: the HTTP adapter records requests into it, the audit writer reports
 * its batches to it, both connection pools and the JVM are bound to it, and {@code GET /metrics} renders it. One per
 * server, never a global one, so that several servers in one JVM (the tests) keep their counts apart.
 */
final class MaskerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    MaskerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Records every committed audit batch: {@code masker_audit_batch_events} (events per batch) and
     * {@code masker_audit_commit_seconds} (the batch's transaction time), both histograms.
     */
    AuditBatchListener auditBatches() {
        DistributionSummary events = DistributionSummary.builder("masker.audit.batch.events")
                .description("Audit events appended per committed batch (group commit)")
                .serviceLevelObjectives(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000)
                .register(registry);
        Timer commits = Timer.builder("masker.audit.commit")
                .description("Time to append and commit one audit batch")
                .serviceLevelObjectives(
                        Duration.ofMillis(1),
                        Duration.ofMillis(2),
                        Duration.ofMillis(5),
                        Duration.ofMillis(10),
                        Duration.ofMillis(25),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(3))
                .register(registry);
        return (count, took) -> {
            events.record(count);
            commits.record(took);
        };
    }

    void close() {
        registry.close();
    }
}
