package dev.masker.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the PHI tools: {@code masker phi detect}. */
@Command(
        name = "phi",
        mixinStandardHelpOptions = true,
        description = "PHI detection tools (SPEC §6).",
        subcommands = {PhiDetectCommand.class})
final class PhiCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
