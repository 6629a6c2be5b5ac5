package dev.masker.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code masker agents delete}: deletes an agent; its audit events stay. */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete an agent: its webhook answers 404 from then on; its audit events stay.")
final class AgentsDeleteCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private AdminApi api;

    @Parameters(paramLabel = "AGENT_ID", description = "agt_...")
    private String id;

    @Override
    public Integer call() {
        return api.send("DELETE", AgentsCommand.agentPath(id), null, AgentAnswerPrinter::print);
    }
}
