package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the {@code masker agents} commands print the server's successful answers when {@code --json} is not given. */
final class AgentAnswerPrinter {
    private AgentAnswerPrinter() {}

    /** Prints a page of agents, one line each, or one agent with its Vapi URLs, policy, credential and statistics. */
    static void print(JsonNode answer, PrintWriter out) {
        if (answer.has("data")) {
            answer.path("data")
                    .forEach(agent -> out.println(agent.path("id").asText() + "  "
                            + agent.path("upstream").asText() + "  "
                            + agent.path("name").asText()));
            if (!answer.path("next_cursor").isNull()) {
                out.println("More: --cursor " + answer.path("next_cursor").asText());
            }
        } else {
            JsonNode agent = answer.path("agent");
            out.println("Agent " + agent.path("id").asText() + " ("
                    + agent.path("name").asText() + ", upstream "
                    + agent.path("upstream").asText() + ")");
            out.println("  Vapi Server URL:     " + agent.path("webhook_url").asText());
            // Vapi appends /chat/completions to the Custom LLM URL it is given.
            out.println("  Vapi Custom LLM URL: "
                    + agent.path("proxy_url").asText().replaceFirst("/chat/completions$", ""));
            out.println("  Policy:              " + agent.path("policy_name").asText()
                    + (agent.path("custom_policy").asBoolean() ? " (the agent's own)" : ""));
            out.println("  Allowed models:      "
                    + (agent.path("allowed_models").isEmpty()
                            ? "the upstream's only"
                            : String.join(
                                    ", ", AdminApi.JSON.convertValue(agent.path("allowed_models"), String[].class))));
            List<String> assistantFields = new ArrayList<>();
            agent.path("assistant").fieldNames().forEachRemaining(assistantFields::add);
            out.println("  Assistant fields:    "
                    + (assistantFields.isEmpty() ? "none" : String.join(", ", assistantFields)));
            if (agent.path("config_callback").isObject()) {
                out.println("  Config callback:     "
                        + agent.path("config_callback").path("url").asText());
            }
            if (agent.path("forward").isObject()) {
                out.println("  Forward to:          "
                        + agent.path("forward").path("url").asText());
            }
            JsonNode credential = agent.path("webhook_credential");
            out.println("  Webhook credential:  "
                    + (!credential.isObject()
                            ? "the deployment's (MASKER_VAPI_WEBHOOK_SECRET)"
                            : "bearer".equals(credential.path("type").asText())
                                    ? "its own bearer token in "
                                            + credential.path("header").asText()
                                    : "its own HMAC-"
                                            + credential
                                                    .path("algorithm")
                                                    .asText()
                                                    .toUpperCase(Locale.ROOT) + " in "
                                            + credential
                                                    .path("signature_header")
                                                    .asText()
                                            + (credential
                                                            .path("include_timestamp")
                                                            .asBoolean()
                                                    ? " with a timestamp"
                                                    : "")));
            out.println("  Proxy key:           " + agent.path("proxy_key").asText()
                    + "  (Vapi gets it from the webhook; other platforms send it as the API key)");
            if (agent.has("stats")) {
                out.println("  Webhook calls:       "
                        + agent.path("stats").path("webhook_calls_24h").asLong() + " in 24 h, "
                        + agent.path("stats").path("webhook_calls_7d").asLong() + " in 7 days");
                JsonNode stats = agent.path("stats");
                out.println(
                        "  Proxy sessions:      " + stats.path("sessions_24h").asLong() + " in 24 h, "
                                + stats.path("sessions_7d").asLong() + " in 7 days; PHI values masked: "
                                + stats.path("redactions_24h").asLong() + " in 24 h, "
                                + stats.path("redactions_7d").asLong()
                                + " in 7 days");
                if (stats.path("added_latency_ms_p50").isNumber()) {
                    out.println("  Added latency (24 h): p50 "
                            + stats.path("added_latency_ms_p50").asDouble() + " ms, p95 "
                            + stats.path("added_latency_ms_p95").asDouble() + " ms");
                }
            }
        }
    }
}
