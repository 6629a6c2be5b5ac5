package dev.masker.bootstrap.cli;

import dev.masker.bootstrap.ConfigurationException;
import dev.masker.bootstrap.LogLevels;
import dev.masker.bootstrap.MaskerConfig;
import dev.masker.bootstrap.MaskerServer;
import dev.masker.bootstrap.PortInUseException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import sun.misc.Signal;

/** Starts the server with the configuration from the environment and runs until the process is stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start Masker. Configuration comes from MASKER_* environment variables (see the README).",
            "Without MASKER_DATABASE_URL it runs an embedded PostgreSQL with its data under MASKER_DATA_DIR."
        })
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MaskerConfig config;
        try {
            config = MaskerConfig.fromEnvironment();
        } catch (ConfigurationException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return MaskerCommand.USAGE;
        }
        LogLevels.bufferAccessLog();
        MaskerServer server;
        try {
            server = MaskerServer.start(config, Clock.systemUTC());
        } catch (PortInUseException e) {
            spec.commandLine().getErr().println("Masker could not start: " + e.getMessage());
            return MaskerCommand.USAGE;
        } catch (RuntimeException e) {
            spec.commandLine()
                    .getErr()
                    .println("Masker could not start: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            return MaskerCommand.REFUSED;
        }
        PrintWriter out = spec.commandLine().getOut();
        // Printed, not logged: the JDK's log manager closes its handlers in a shutdown hook of its own.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println(
                                    "Masker is stopping: finishing requests in flight, then flushing the audit log...");
                            out.flush();
                            server.close();
                            out.println("Masker stopped; the audit log is flushed.");
                            out.flush();
                        },
                        "masker-shutdown"));
        // SIGTERM is how docker, Kubernetes and systemd ask a service to stop; stopped cleanly after the drain, Masker
        // exits
        // 0 rather than the JVM's 143, so that a supervisor does not count a requested stop as a failure.
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        String base = config.server().publicUrl().toString();
        out.printf(
                """
                Masker is listening on %s:%d (%s database).
                  Health:          %s/health/ready
                  Vapi webhook:    %s/vapi/webhook/{agent_id}    (Vapi "Server URL")
                  Custom LLM URL:  %s/proxy/{agent_id}/v1    (Vapi appends /chat/completions)
                  Metrics:         %s/metrics    API description: %s/openapi.json

                Create your first agent (in another terminal, with the same MASKER_ADMIN_TOKEN):
                  ./masker agents create --name "Front desk" --upstream openai:gpt-4o-mini
                (--upstream stub tries the proxy without an LLM account: see the README.)
                Stop with Ctrl+C: requests in flight finish and the audit log is flushed.
                """,
                config.server().host(),
                server.port(),
                server.usesEmbeddedDatabase() ? "embedded" : "external",
                base,
                base,
                base,
                base,
                base);
        out.flush();
        return MaskerCommand.KEEP_RUNNING;
    }
}
