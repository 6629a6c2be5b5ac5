package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code masker agents create|list|get|update|delete}: manages agents through a running server's API with an admin
 * token, so that the server validates, audits and caches exactly as for any other client.
 */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "Manage agents through a running Masker server (its /api/v1, with an admin token).",
        subcommands = {AgentsCommand.Create.class, AgentsCommand.List.class, AgentsCommand.Get.class,
            AgentsCommand.Update.class, AgentsCommand.Delete.class})
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

    /** The agent fields that create and update take; unset options are left out of the request. */
    static final class AgentFields {
        @Option(names = "--name", description = "Unique name, 1-64 characters.")
        String name;

        @Option(names = "--upstream", description = "openai:<model> or stub (create default: openai:gpt-4o-mini).")
        String upstream;

        @Option(names = "--assistant", paramLabel = "JSON|@FILE",
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

        @Option(names = "--allowed-models", paramLabel = "MODEL[,MODEL...]", split = ",",
                description = "Models proxy requests may name besides the upstream's own (replaces the list).")
        java.util.List<String> allowedModels; // qualified: List is also the name of the list command

        @Option(names = "--forward", paramLabel = "JSON|@FILE",
                description = "The clinic backend Vapi messages are relayed to: {\"url\", \"secret\", \"timeout_ms\", "
                        + "\"messages\"} as JSON, or @path to a JSON file.")
        String forward;

        @Option(names = "--webhook-credential", paramLabel = "JSON|@FILE",
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
                    throw new CommandLine.ParameterException(command, option + ": cannot read " + path + " ("
                            + (e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName()) + ")");
                }
            }
            try {
                return Api.JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new CommandLine.ParameterException(command,
                        option + " is not valid JSON (line " + e.getLocation().getLineNr() + ")");
            }
        }

        ObjectNode body(CommandLine command) throws IOException {
            ObjectNode body = Api.JSON.createObjectNode();
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
                ObjectNode callback = body.putObject("config_callback").put("url", callbackUrl)
                        .put("secret", callbackSecret != null ? callbackSecret : System.getenv("MASKER_CALLBACK_SECRET"));
                if (callbackTimeoutMs != null) {
                    callback.put("timeout_ms", callbackTimeoutMs);
                }
            }
            return body;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an agent and print its Vapi URLs.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin
        private Api api;

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
            return api.send("POST", "/api/v1/agents", body);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change some of an agent's settings; options not given are left as they are.")
    static final class Update implements Callable<Integer> {
        @CommandLine.Mixin
        private Api api;

        @CommandLine.Mixin
        private AgentFields fields;

        @Option(names = "--remove-callback", description = "Remove the configuration callback.")
        private boolean removeCallback;

        @Option(names = "--remove-forward", description = "Remove the backend Vapi messages are relayed to.")
        private boolean removeForward;

        @Option(names = "--remove-webhook-credential",
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
            remove(body, removeWebhookCredential, "webhook_credential",
                    "--remove-webhook-credential and --webhook-credential");
            if (body.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Nothing to update: give at least one option (see --help)");
            }
            return api.send("PATCH", agentPath(id), body);
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

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete an agent: its webhook answers 404 from then on; its audit events stay.")
    static final class Delete implements Callable<Integer> {
        @CommandLine.Mixin
        private Api api;

        @Parameters(paramLabel = "AGENT_ID", description = "agt_...")
        private String id;

        @Override
        public Integer call() {
            return api.send("DELETE", agentPath(id), null);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List agents, newest first.")
    static final class List implements Callable<Integer> {
        @CommandLine.Mixin
        private Api api;

        @Option(names = "--limit", description = "Agents per page, 1-100 (default 25).")
        private Integer limit;

        @Option(names = "--cursor", description = "The next_cursor of a previous page.")
        private String cursor;

        @Option(names = "--name-contains", description = "Only agents whose name contains this, ignoring case.")
        private String nameContains;

        @Override
        public Integer call() {
            StringBuilder path = new StringBuilder("/api/v1/agents?");
            if (limit != null) {
                path.append("limit=").append(limit).append('&');
            }
            if (cursor != null) {
                path.append("cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8)).append('&');
            }
            if (nameContains != null) {
                path.append("name_contains=").append(URLEncoder.encode(nameContains, StandardCharsets.UTF_8));
            }
            return api.send("GET", path.toString(), null);
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
            return api.send("GET", agentPath(id), null);
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
            return send(method, path, body, Api::printAgents);
        }

        /** Sends the request; a successful answer is printed by {@code printer} unless {@code --json} asks for it as is. */
        int send(String method, String path, JsonNode body, BiConsumer<JsonNode, PrintWriter> printer) {
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
            return print(response, out, err, printer);
        }

        private int print(HttpResponse<String> response, PrintWriter out, PrintWriter err,
                          BiConsumer<JsonNode, PrintWriter> printer) {
            if (response.statusCode() == 204) {
                out.println("Done.");
                return MaskerCommand.OK;
            }
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
                printer.accept(answer, out);
            }
            return MaskerCommand.OK;
        }

        private static void printAgents(JsonNode answer, PrintWriter out) {
            if (answer.has("data")) {
                answer.path("data").forEach(agent -> out.println(agent.path("id").asText() + "  "
                        + agent.path("upstream").asText() + "  " + agent.path("name").asText()));
                if (!answer.path("next_cursor").isNull()) {
                    out.println("More: --cursor " + answer.path("next_cursor").asText());
                }
            } else {
                JsonNode agent = answer.path("agent");
                out.println("Agent " + agent.path("id").asText() + " (" + agent.path("name").asText() + ", upstream "
                        + agent.path("upstream").asText() + ")");
                out.println("  Vapi Server URL:     " + agent.path("webhook_url").asText());
                // Vapi appends /chat/completions to the Custom LLM URL it is given.
                out.println("  Vapi Custom LLM URL: "
                        + agent.path("proxy_url").asText().replaceFirst("/chat/completions$", ""));
                out.println("  Policy:              " + agent.path("policy_name").asText()
                        + (agent.path("custom_policy").asBoolean() ? " (the agent's own)" : ""));
                out.println("  Allowed models:      " + (agent.path("allowed_models").isEmpty() ? "the upstream's only"
                        : String.join(", ", Api.JSON.convertValue(agent.path("allowed_models"), String[].class))));
                java.util.List<String> assistantFields = new java.util.ArrayList<>();
                agent.path("assistant").fieldNames().forEachRemaining(assistantFields::add);
                out.println("  Assistant fields:    "
                        + (assistantFields.isEmpty() ? "none" : String.join(", ", assistantFields)));
                if (agent.path("config_callback").isObject()) {
                    out.println("  Config callback:     " + agent.path("config_callback").path("url").asText());
                }
                if (agent.path("forward").isObject()) {
                    out.println("  Forward to:          " + agent.path("forward").path("url").asText());
                }
                JsonNode credential = agent.path("webhook_credential");
                out.println("  Webhook credential:  " + (!credential.isObject() ? "the deployment's (MASKER_VAPI_WEBHOOK_SECRET)"
                        : "bearer".equals(credential.path("type").asText()) ? "its own bearer token in "
                                + credential.path("header").asText()
                        : "its own HMAC-" + credential.path("algorithm").asText().toUpperCase(java.util.Locale.ROOT) + " in "
                                + credential.path("signature_header").asText()
                                + (credential.path("include_timestamp").asBoolean() ? " with a timestamp" : "")));
                out.println("  Proxy key:           " + agent.path("proxy_key").asText()
                        + "  (Vapi gets it from the webhook; other platforms send it as the API key)");
                if (agent.has("stats")) {
                    out.println("  Webhook calls:       " + agent.path("stats").path("webhook_calls_24h").asLong()
                            + " in 24 h, " + agent.path("stats").path("webhook_calls_7d").asLong() + " in 7 days");
                    JsonNode stats = agent.path("stats");
                    out.println("  Proxy sessions:      " + stats.path("sessions_24h").asLong() + " in 24 h, "
                            + stats.path("sessions_7d").asLong() + " in 7 days; PHI values masked: "
                            + stats.path("redactions_24h").asLong() + " in 24 h, " + stats.path("redactions_7d").asLong()
                            + " in 7 days");
                    if (stats.path("added_latency_ms_p50").isNumber()) {
                        out.println("  Added latency (24 h): p50 " + stats.path("added_latency_ms_p50").asDouble() + " ms, p95 "
                                + stats.path("added_latency_ms_p95").asDouble() + " ms");
                    }
                }
            }
        }
    }
}
