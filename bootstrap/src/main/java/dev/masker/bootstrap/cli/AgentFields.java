package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The agent fields that create and update take; unset options are left out of the request. */
final class AgentFields {
    @Option(names = "--name", description = "Unique name, 1-64 characters.")
    String name;

    @Option(names = "--upstream", description = "openai:<model> or stub (create default: openai:gpt-4o-mini).")
    String upstream;

    @Option(
            names = "--assistant",
            paramLabel = "JSON|@FILE",
            description = "Vapi assistant defaults as JSON, or @path to a JSON file.")
    String assistant;

    @Option(names = "--tokenization", description = "vault-deterministic (default) or reversible-aead.")
    String tokenization;

    @Option(names = "--policy", description = "Policy name (default: healthcare-default).")
    String policy;

    @Option(names = "--callback-url", description = "Configuration callback URL.")
    String callbackUrl;

    @Option(names = "--callback-secret", description = "Callback signing secret (default: $MASKER_CALLBACK_SECRET).")
    String callbackSecret;

    @Option(names = "--callback-timeout-ms", description = "Callback timeout, 1-4000 ms (default 1500).")
    Long callbackTimeoutMs;

    @Option(
            names = "--allowed-models",
            paramLabel = "MODEL[,MODEL...]",
            split = ",",
            description = "Models proxy requests may name besides the upstream's own (replaces the list).")
    List<String> allowedModels;

    @Option(
            names = "--forward",
            paramLabel = "JSON|@FILE",
            description = "The clinic backend Vapi messages are relayed to: {\"url\", \"secret\", \"timeout_ms\", "
                    + "\"messages\"} as JSON, or @path to a JSON file.")
    String forward;

    @Option(
            names = "--webhook-credential",
            paramLabel = "JSON|@FILE",
            description = "The agent's own Vapi webhook credential, replacing MASKER_VAPI_WEBHOOK_SECRET for it: "
                    + "{\"type\": \"hmac\", \"secret\", ...} or {\"type\": \"bearer\", \"token\", \"header\"}, "
                    + "as JSON or @path to a JSON file.")
    String webhookCredential;

    /**
     * The option's JSON, given inline or as {@code @path}: a file that cannot be read or text that is not JSON is a
     * usage error naming the option, never a stack trace.
     */
    private static JsonNode json(CommandLine command, String option, String value) {
        String text = value;
        if (value.startsWith("@")) {
            String path = value.substring(1);
            try {
                text = Files.readString(Path.of(path));
            } catch (IOException | InvalidPathException e) {
                throw new CommandLine.ParameterException(
                        command,
                        option + ": cannot read " + path + " ("
                                + (e instanceof NoSuchFileException
                                        ? "no such file"
                                        : e.getClass().getSimpleName()) + ")");
            }
        }
        try {
            return AdminApi.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CommandLine.ParameterException(
                    command,
                    option + " is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
    }

    ObjectNode body(CommandLine command) throws IOException {
        ObjectNode body = AdminApi.JSON.createObjectNode();
        if (name != null) {
            body.put("name", name);
        }
        if (upstream != null) {
            body.put("upstream", upstream);
        }
        if (assistant != null) {
            body.set("assistant", json(command, "--assistant", assistant));
        }
        if (forward != null) {
            body.set("forward", json(command, "--forward", forward));
        }
        if (webhookCredential != null) {
            body.set("webhook_credential", json(command, "--webhook-credential", webhookCredential));
        }
        if (tokenization != null) {
            body.put("tokenization", tokenization);
        }
        if (allowedModels != null) {
            ArrayNode models = body.putArray("allowed_models");
            allowedModels.forEach(models::add);
        }
        if (policy != null) {
            body.put("policy_name", policy);
        }
        if (callbackUrl != null) {
            ObjectNode callback = body.putObject("config_callback")
                    .put("url", callbackUrl)
                    .put("secret", callbackSecret != null ? callbackSecret : System.getenv("MASKER_CALLBACK_SECRET"));
            if (callbackTimeoutMs != null) {
                callback.put("timeout_ms", callbackTimeoutMs);
            }
        }
        return body;
    }
}
