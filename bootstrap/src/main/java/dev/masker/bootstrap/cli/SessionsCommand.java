package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code masker sessions list|get}: the proxy's sessions through a running server's API with an admin token — counts,
 * kinds and timings, never a value.
 */
@Command(
        name = "sessions",
        mixinStandardHelpOptions = true,
        description =
                "Show the calls the proxy saw, through a running Masker server (its /api/v1, with an admin token).",
        subcommands = {SessionsCommand.ListSessions.class, SessionsCommand.Get.class})
final class SessionsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List sessions, newest first.")
    static final class ListSessions implements Callable<Integer> {
        @CommandLine.Mixin
        private AdminApi api;

        @Option(
                names = "--agent",
                paramLabel = "AGENT_ID",
                description = "Only this agent's sessions (a deleted one's too).")
        private String agent;

        @Option(names = "--since", description = "1h, 24h (default), 7d, 30d, or an ISO-8601 UTC instant.")
        private String since;

        @Option(names = "--status", description = "ok, error or partial.")
        private String status;

        @Option(
                names = "--min-redactions",
                paramLabel = "N",
                description = "Only sessions with at least N values masked.")
        private Long minRedactions;

        @Option(names = "--limit", description = "Sessions per page, 1-100 (default 25).")
        private Integer limit;

        @Option(names = "--cursor", description = "The next_cursor of a previous page.")
        private String cursor;

        @Override
        public Integer call() {
            List<String> query = new ArrayList<>();
            add(query, "since", since);
            add(query, "status", status);
            add(query, "min_redactions", minRedactions == null ? null : minRedactions.toString());
            add(query, "limit", limit == null ? null : limit.toString());
            add(query, "cursor", cursor);
            String path = agent == null ? "/api/v1/sessions" : AgentsCommand.agentPath(agent) + "/sessions";
            return api.send(
                    "GET",
                    path + (query.isEmpty() ? "" : "?" + String.join("&", query)),
                    null,
                    SessionsCommand::printList);
        }

        private static void add(List<String> query, String name, String value) {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one session with its turns.")
    static final class Get implements Callable<Integer> {
        @CommandLine.Mixin
        private AdminApi api;

        @Parameters(paramLabel = "SESSION_ID", description = "sess_...")
        private String id;

        @Override
        public Integer call() {
            return api.send(
                    "GET",
                    "/api/v1/sessions/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
                    null,
                    SessionsCommand::printOne);
        }
    }

    private static void printList(JsonNode answer, PrintWriter out) {
        if (answer.path("data").isEmpty()) {
            out.println("No sessions.");
        }
        answer.path("data")
                .forEach(session -> out.println(session.path("id").asText() + "  "
                        + session.path("started_at").asText() + "  "
                        + session.path("status").asText() + "  "
                        + session.path("turns").asLong() + " turns  "
                        + session.path("redaction_count").asLong() + " masked  "
                        + session.path("agent_name").asText()));
        if (!answer.path("next_cursor").isNull()) {
            out.println("More: --cursor " + answer.path("next_cursor").asText());
        }
    }

    private static void printOne(JsonNode answer, PrintWriter out) {
        JsonNode session = answer.path("session");
        out.println("Session " + session.path("id").asText() + " ("
                + session.path("status").asText() + ")");
        out.println("  Agent:        " + session.path("agent_name").asText() + " ("
                + session.path("agent_id").asText() + ")");
        out.println("  Started:      " + session.path("started_at").asText());
        out.println("  Ended:        "
                + (session.path("call_ended").isObject()
                        ? session.path("ended_at").asText() + " ("
                                + session.path("call_ended")
                                        .path("ended_reason")
                                        .asText() + ")"
                        : "not yet"));
        out.println("  Policy:       "
                + (session.path("policy_name").isNull()
                        ? "not recorded"
                        : session.path("policy_name").asText() + " v"
                                + session.path("policy_version").asInt()));
        out.println("  Turns:        " + session.path("turns").asLong() + ", model "
                + session.path("upstream_model").asText());
        List<String> kinds = new ArrayList<>();
        session.path("redactions_by_kind")
                .properties()
                .forEach(kind -> kinds.add(kind.getKey() + " " + kind.getValue()));
        out.println("  Masked:       " + session.path("redaction_count").asLong()
                + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")"));
        JsonNode stages = session.path("stage_durations_ms");
        out.println("  Stages (p50): detection " + stages.path("detection").asText() + " ms, tokenize "
                + stages.path("tokenize").asText() + " ms, upstream "
                + stages.path("upstream").asText() + " ms, rehydrate "
                + stages.path("rehydrate").asText() + " ms");
        out.println("  Leak findings: "
                + (session.path("leak_findings").isEmpty()
                        ? "none"
                        : session.path("leak_findings").size() + " turn(s)"));
        session.path("events")
                .forEach(turn -> out.println("    #" + turn.path("seq").asLong() + "  "
                        + turn.path("at").asText() + "  " + turn.path("outcome").asText() + "  "
                        + turn.path("masked_total").asLong()
                        + " masked  " + turn.path("durations_ms").path("total").asText() + " ms"));
    }
}
