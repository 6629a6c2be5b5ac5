package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code masker agents create|get}: manages agents through a running server's API with an admin token, so that the
 * server validates, audits and caches exactly as for any other client.
 */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "Manage agents through a running Masker server (its /api/v1, with an admin token).",
        subcommands = {AgentsCommand.Create.class, AgentsCommand.Get.class})
final class AgentsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the server is and how to sign in; shared by the subcommands. */
    static final class ServerOptions {
        @Option(names = "--server", paramLabel = "URL",
                description = "Masker's base URL (default: $MASKER_SERVER, else http://127.0.0.1:$MASKER_PORT or 8080).")
        String server;

        @Option(names = "--token", paramLabel = "TOKEN",
                description = "Admin token (default: $MASKER_ADMIN_TOKEN; the first one if it is a list).")
        String token;

        @Option(names = "--json", description = "Print the server's JSON answer unchanged.")
        boolean json;

        URI base() {
            if (server != null) {
                return URI.create(server);
            }
            String fromEnv = System.getenv("MASKER_SERVER");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return URI.create(fromEnv.strip());
            }
            String port = System.getenv("MASKER_PORT");
            return URI.create("http://127.0.0.1:" + (port == null || port.isBlank() ? "8080" : port.strip()));
        }

        String token() {
            String value = token != null ? token : System.getenv("MASKER_ADMIN_TOKEN");
            if (value == null || value.isBlank()) {
                throw new CommandLine.ParameterException(new CommandLine(this), "Set --token or MASKER_ADMIN_TOKEN.");
            }
            return value.split(",")[0].strip();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an agent and print its Vapi URLs.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin
        private Api api;

        @Option(names = "--name", required = true, description = "Unique name, 1-64 characters.")
        private String name;

        @Option(names = "--upstream", defaultValue = "openai:gpt-4o-mini",
                description = "openai:<model> or stub (default: ${DEFAULT-VALUE}).")
        private String upstream;

        @Option(names = "--assistant", paramLabel = "JSON|@FILE",
                description = "Vapi assistant defaults as JSON, or @path to a JSON file.")
        private String assistant;

        @Option(names = "--tokenization", description = "vault-deterministic (default) or reversible-aead.")
        private String tokenization;

        @Option(names = "--policy", description = "Policy name (default: healthcare-default).")
        private String policy;

        @Option(names = "--callback-url", description = "Configuration callback URL (optional).")
        private String callbackUrl;

        @Option(names = "--callback-secret", description = "Callback signing secret (default: $MASKER_CALLBACK_SECRET).")
        private String callbackSecret;

        @Option(names = "--callback-timeout-ms", description = "Callback timeout, 1-4000 ms (default 1500).")
        private Long callbackTimeoutMs;

        @Override
        public Integer call() throws IOException {
            ObjectNode body = Api.JSON.createObjectNode().put("name", name).put("upstream", upstream);
            if (assistant != null) {
                String text = assistant.startsWith("@") ? Files.readString(Path.of(assistant.substring(1))) : assistant;
                try {
                    body.set("assistant", Api.JSON.readTree(text));
                } catch (JsonProcessingException e) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--assistant is not valid JSON (line " + e.getLocation().getLineNr() + ")");
                }
            }
            if (tokenization != null) {
                body.put("tokenization", tokenization);
            }
            if (policy != null) {
                body.put("policy_name", policy);
            }
            if (callbackUrl != null) {
                ObjectNode callback = body.putObject("config_callback").put("url", callbackUrl)
                        .put("secret", callbackSecret != null ? callbackSecret : System.getenv("MASKER_CALLBACK_SECRET"));
                if (callbackTimeoutMs != null) {
                    callback.put("timeout_ms", callbackTimeoutMs);
                }
            }
            return api.send("POST", "/api/v1/agents", body);
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one agent.")
    static final class Get implements Callable<Integer> {
        @CommandLine.Mixin
        private Api api;

        @Parameters(paramLabel = "AGENT_ID", description = "agt_...")
        private String id;

        @Override
        public Integer call() {
            return api.send("GET", "/api/v1/agents/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null);
        }
    }

    /** Sends one API request and prints its answer; a mixin so every subcommand has the same server options. */
    static final class Api {
        static final ObjectMapper JSON = new ObjectMapper();

        @CommandLine.Mixin
        private ServerOptions options = new ServerOptions();

        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        private CommandLine.Model.CommandSpec spec;

        int send(String method, String path, JsonNode body) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            HttpRequest.Builder request = HttpRequest.newBuilder(options.base().resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + options.token())
                    .header("Accept", "application/json");
            request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
            HttpResponse<String> response;
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                err.println("Cannot reach Masker at " + options.base() + ": is `masker serve` running?");
                return MaskerCommand.UNREACHABLE;
            } catch (IOException e) {
                err.println("The request to " + options.base() + " failed: " + e.getClass().getSimpleName());
                return MaskerCommand.UNREACHABLE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return MaskerCommand.UNREACHABLE;
            }
            return print(response, out, err);
        }

        private int print(HttpResponse<String> response, PrintWriter out, PrintWriter err) {
            JsonNode answer;
            try {
                answer = JSON.readTree(response.body());
            } catch (IOException e) {
                err.println("Masker answered " + response.statusCode() + " without JSON.");
                return MaskerCommand.REFUSED;
            }
            if (response.statusCode() >= 300) {
                JsonNode error = answer.path("error");
                err.println("Masker refused (" + response.statusCode() + " " + error.path("code").asText() + "): "
                        + error.path("message").asText());
                error.path("details").forEach(detail ->
                        err.println("  " + detail.path("field").asText() + ": " + detail.path("problem").asText()));
                return MaskerCommand.REFUSED;
            }
            if (options.json) {
                out.println(answer.toPrettyString());
            } else {
                JsonNode agent = answer.path("agent");
                out.println("Agent " + agent.path("id").asText() + " (" + agent.path("name").asText() + ", upstream "
                        + agent.path("upstream").asText() + ")");
                out.println("  Vapi Server URL:     " + agent.path("webhook_url").asText());
                out.println("  Vapi Custom LLM URL: " + agent.path("proxy_url").asText());
            }
            return MaskerCommand.OK;
        }
    }
}
