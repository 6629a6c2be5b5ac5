package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BiConsumer;
import picocli.CommandLine;

/**
 * A running server's admin API: sends one request with the admin token and prints its answer, or why there is none, with
 * the exit code that goes with it. A mixin, so every command that uses it has the same server options.
 */
final class AdminApi {
    static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Mixin
    private ServerOptions options = new ServerOptions();

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    /** Sends the request; a successful answer is printed by {@code printer} unless {@code --json} asks for it as is. */
    int send(String method, String path, JsonNode body, BiConsumer<JsonNode, PrintWriter> printer) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HttpRequest.Builder request = HttpRequest.newBuilder(options.base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + options.token())
                .header("Accept", "application/json");
        request = body == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response;
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            err.println("Cannot reach Masker at " + options.base() + ": is `masker serve` running?");
            return MaskerCommand.UNREACHABLE;
        } catch (IOException e) {
            err.println("The request to " + options.base() + " failed: "
                    + e.getClass().getSimpleName());
            return MaskerCommand.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MaskerCommand.UNREACHABLE;
        }
        return print(response, out, err, printer);
    }

    private int print(
            HttpResponse<String> response,
            PrintWriter out,
            PrintWriter err,
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
            err.println("Masker refused (" + response.statusCode() + " "
                    + error.path("code").asText() + "): "
                    + error.path("message").asText());
            error.path("details")
                    .forEach(detail -> err.println("  " + detail.path("field").asText() + ": "
                            + detail.path("problem").asText()));
            return MaskerCommand.REFUSED;
        }
        if (options.json) {
            out.println(answer.toPrettyString());
        } else {
            printer.accept(answer, out);
        }
        return MaskerCommand.OK;
    }
}
