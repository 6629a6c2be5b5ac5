package dev.masker.bootstrap.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code masker agents create|list|get|update|delete}: manages agents through a running server's API with an admin
 * token, so that the server validates, audits and caches exactly as for any other client. Each subcommand is a class of
 * its own; they send their requests through {@link AdminApi}.
 */
@Command(
        name = "agents",
        mixinStandardHelpOptions = true,
        description = "Manage agents through a running Masker server (its /api/v1, with an admin token).",
        subcommands = {
            AgentsCreateCommand.class,
            AgentsListCommand.class,
            AgentsGetCommand.class,
            AgentsUpdateCommand.class,
            AgentsDeleteCommand.class
        })
final class AgentsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The API path of one agent, its id encoded as the caller typed it. */
    static String agentPath(String id) {
        return "/api/v1/agents/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
