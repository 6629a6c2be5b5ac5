package dev.masker.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code masker serve} in a child JVM of its own, on the tests' module path and a fresh schema: for what only a process
 * shows (its file-descriptor limit, its exit code after a signal).
 */
final class MaskerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Masker is listening on [^:]+:(\\d+)");

    private final Process process;
    private final Path output;
    private final int port;

    private MaskerProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Whether {@code prlimit} (util-linux) is there to lower a child's descriptor limit. */
    static boolean canLimitDescriptors() {
        return Files.isExecutable(Path.of("/usr/bin/prlimit")) || Files.isExecutable(Path.of("/bin/prlimit"));
    }

    /**
     * Starts Masker and waits until it listens.
     *
     * @param descriptorLimit the child's file-descriptor limit (soft and hard), or 0 to keep the inherited one
     * @param overrides variables laid over the test defaults
     */
    static MaskerProcess start(int descriptorLimit, Map<String, String> overrides)
            throws IOException, InterruptedException {
        MaskerConfig.Database.Target db = TestDatabase.target();
        List<String> command = new ArrayList<>();
        if (descriptorLimit > 0) {
            command.add("prlimit");
            command.add("--nofile=" + descriptorLimit + ":" + descriptorLimit);
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "--add-modules",
                "ALL-MODULE-PATH",
                "-p",
                System.getProperty("jdk.module.path"),
                // Flyway finds its PostgreSQL support by service loading; the tests keep some libraries on the class
                // path.
                "-cp",
                System.getProperty("java.class.path"),
                "-m",
                "dev.masker.bootstrap/dev.masker.bootstrap.Main",
                "serve"));
        Path output = Files.createTempFile("masker-process", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MASKER_"));
        env.put("MASKER_PORT", "0");
        env.put("MASKER_PUBLIC_URL", RunningMasker.PUBLIC_URL);
        env.put("MASKER_VAPI_WEBHOOK_SECRET", RunningMasker.SECRET);
        env.put("MASKER_ADMIN_TOKEN", RunningMasker.ADMIN_TOKEN);
        env.put("MASKER_DATABASE_URL", db.url());
        env.put("MASKER_DATABASE_USER", db.user());
        env.put("MASKER_DATABASE_PASSWORD", db.password());
        env.put("MASKER_DATABASE_SCHEMA", TestDatabase.freshSchema());
        env.put("MASKER_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        env.put("MASKER_KEY_K_HEALTHCARE", RunningMasker.TOKEN_KEY);
        env.put("MASKER_DATABASE_POOL_SIZE", "4");
        env.putAll(overrides);
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(output, StandardCharsets.UTF_8));
            if (listening.find()) {
                return new MaskerProcess(process, output, Integer.parseInt(listening.group(1)));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("masker serve did not start:\n" + Files.readString(output, StandardCharsets.UTF_8));
    }

    int port() {
        return port;
    }

    /** Everything the process wrote to its standard output and error so far. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM (what {@code docker stop} and systemd send) and returns the exit code. */
    int terminate(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("masker serve did not stop within " + patience + ":\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            // A temporary file; the system cleans it up.
        }
    }
}
