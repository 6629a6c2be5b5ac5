package dev.masker.bootstrap;

import dev.masker.bootstrap.cli.MaskerCommand;

/** The {@code masker} command: {@code masker serve}, {@code masker agents ...}; see {@code masker --help}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exitCode = MaskerCommand.run(args);
        // A running server keeps the JVM alive on its own; exit only when the command has finished.
        if (exitCode != MaskerCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
