package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code masker agents create}: creates an agent and prints its Vapi URLs. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create an agent and print its Vapi URLs.")
final class AgentsCreateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private AdminApi api;

    @CommandLine.Mixin
    private AgentFields fields;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (fields.name == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--name'");
        }
        ObjectNode body = fields.body(spec.commandLine());
        if (!body.has("upstream")) {
            body.put("upstream", "openai:gpt-4o-mini");
        }
        return api.send("POST", "/api/v1/agents", body, AgentAnswerPrinter::print);
    }
}
