package dev.masker.bootstrap.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the {@code masker} command line. */
@Command(
        name = "masker",
        mixinStandardHelpOptions = true,
        version = "masker 0.1.0",
        description = "Masker: a compliance firewall for voice AI agents in healthcare.",
        subcommands = {
            ServeCommand.class,
            AgentsCommand.class,
            SessionsCommand.class,
            AuditCommand.class,
            PhiCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the server refused the request (its error code is printed)",
            "2:bad usage or configuration",
            "3:the server could not be reached"
        })
public final class MaskerCommand implements Runnable {
    /** Exit codes shared by the commands. */
    static final int OK = 0;

    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    /** Returned by {@code serve}: the server runs until the process is stopped. */
    public static final int KEEP_RUNNING = -1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    // `@path` is the JSON options' own syntax (`--assistant @assistant.json`), so picocli's argument files, which
    // would split the file into arguments, are off.

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new MaskerCommand()).setExpandAtFiles(false).execute(args);
    }

    /** Runs the command line with its output and errors written to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new MaskerCommand())
                .setExpandAtFiles(false)
                .setOut(out)
                .setErr(err)
                .execute(args);
    }
}
