package dev.masker.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code masker agents get}: one agent with its URLs and statistics. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show one agent.")
final class AgentsGetCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private AdminApi api;

    @Parameters(paramLabel = "AGENT_ID", description = "agt_...")
    private String id;

    @Override
    public Integer call() {
        return api.send("GET", AgentsCommand.agentPath(id), null, AgentAnswerPrinter::print);
    }
}
