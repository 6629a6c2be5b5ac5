package dev.masker.bootstrap;

import dev.masker.application.port.in.PurgeVaultUseCase;
import dev.masker.application.port.out.PurgeVaultPort;
import dev.masker.domain.error.DomainException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the vault's retention purge once the server has started and then every day, on a thread of its own, so that a
 * purge never holds up a request or the start. A purge that fails is logged (by its error code) and tried again the
 * next day; every instance purges on its own schedule, and a later one finds little left.
 */
final class VaultRetention implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(VaultRetention.class.getName());
    static final Duration PERIOD = Duration.ofDays(1);

    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<Void> firstRun;

    private VaultRetention(ScheduledExecutorService scheduler, CompletableFuture<Void> firstRun) {
        this.scheduler = scheduler;
        this.firstRun = firstRun;
    }

    /** Starts purging now and every {@link #PERIOD}. */
    static VaultRetention start(PurgeVaultUseCase purge) {
        Objects.requireNonNull(purge, "purge");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "masker-vault-retention");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<Void> firstRun = new CompletableFuture<>();
        scheduler.scheduleAtFixedRate(
                () -> {
                    run(purge);
                    firstRun.complete(null);
                },
                0,
                PERIOD.toSeconds(),
                TimeUnit.SECONDS);
        return new VaultRetention(scheduler, firstRun);
    }

    /** Done once the first purge has run (or failed): tests that count audit events wait for it. */
    CompletableFuture<Void> firstRun() {
        return firstRun;
    }

    private static void run(PurgeVaultUseCase purge) {
        try {
            PurgeVaultPort.Purged removed = purge.purge();
            LOG.log(
                    Level.INFO,
                    "vault retention: removed {0} vault entries and {1} turn payloads past the retention" + " period",
                    removed.vaultEntries(),
                    removed.turnPayloads());
        } catch (DomainException e) {
            LOG.log(
                    Level.WARNING,
                    "vault retention: the purge failed ({0}); it runs again in a day",
                    e.code().wireName());
        } catch (RuntimeException e) {
            // Never let the schedule die: a failed run is retried the next day.
            LOG.log(
                    Level.WARNING,
                    "vault retention: the purge failed ({0}); it runs again in a day",
                    e.getClass().getSimpleName());
        }
    }

    /** Stops the schedule; a purge under way is interrupted (its batches are transactions of their own). */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
