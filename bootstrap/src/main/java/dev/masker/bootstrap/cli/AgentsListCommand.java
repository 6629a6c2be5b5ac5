package dev.masker.bootstrap.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code masker agents list}: one page of agents, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List agents, newest first.")
final class AgentsListCommand implements Callable<Integer> {
    @CommandLine.Mixin
    private AdminApi api;

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
            path.append("cursor=")
                    .append(URLEncoder.encode(cursor, StandardCharsets.UTF_8))
                    .append('&');
        }
        if (nameContains != null) {
            path.append("name_contains=").append(URLEncoder.encode(nameContains, StandardCharsets.UTF_8));
        }
        return api.send("GET", path.toString(), null, AgentAnswerPrinter::print);
    }
}
