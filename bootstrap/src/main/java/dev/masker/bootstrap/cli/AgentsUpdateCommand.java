package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code masker agents update}: changes the settings given as options and leaves the others as they are. */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = "Change some of an agent's settings; options not given are left as they are.")
final class AgentsUpdateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private AdminApi api;

    @CommandLine.Mixin
    private AgentFields fields;

    @Option(names = "--remove-callback", description = "Remove the configuration callback.")
    private boolean removeCallback;

    @Option(names = "--remove-forward", description = "Remove the backend Vapi messages are relayed to.")
    private boolean removeForward;

    @Option(
            names = "--remove-webhook-credential",
            description = "Remove the agent's own webhook credential (MASKER_VAPI_WEBHOOK_SECRET applies again).")
    private boolean removeWebhookCredential;

    @Parameters(paramLabel = "AGENT_ID", description = "agt_...")
    private String id;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ObjectNode body = fields.body(spec.commandLine());
        remove(body, removeCallback, "config_callback", "--remove-callback and --callback-url");
        remove(body, removeForward, "forward", "--remove-forward and --forward");
        remove(
                body,
                removeWebhookCredential,
                "webhook_credential",
                "--remove-webhook-credential and --webhook-credential");
        if (body.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Nothing to update: give at least one option (see --help)");
        }
        return api.send("PATCH", AgentsCommand.agentPath(id), body, AgentAnswerPrinter::print);
    }

    /** Sets the field to null when asked to remove it; setting and removing it at once is a usage error. */
    private void remove(ObjectNode body, boolean remove, String field, String options) {
        if (!remove) {
            return;
        }
        if (body.has(field)) {
            throw new CommandLine.ParameterException(spec.commandLine(), options + " exclude each other");
        }
        body.putNull(field);
    }
}
