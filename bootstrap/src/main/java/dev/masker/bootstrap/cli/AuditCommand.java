package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masker.domain.audit.ChainPosition;
import dev.masker.domain.audit.ChainVerification;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code masker audit verify|export}: checks the hash-chained audit log, in the running server's database through its
 * API or offline in an export file, and exports a period of it as JSON Lines that anyone can verify (docs/AUDIT.md).
 * Only sequence numbers, hashes, counts and the reason of a break are printed, never an event's content.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Verify and export the hash-chained audit log (docs/AUDIT.md).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Verify the audit chain: the running server's whole log (GET /api/v1/audit/verify), "
                        + "or an export file offline with --file (no server needed).",
                "Prints the events checked, the head, and the first break with its sequence number."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:the chain is intact",
                "1:the chain is broken, or the server refused (its error code is printed)",
                "2:bad usage, or the file cannot be read",
                "3:the server could not be reached"
            })
    static final class Verify implements Callable<Integer> {
        @CommandLine.Mixin
        private ServerOptions server = new ServerOptions();

        @Option(
                names = "--file",
                paramLabel = "FILE",
                description = "An export (masker audit export) to verify offline instead of the server's log.")
        private Path file;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return file != null ? verifyFile() : verifyServer();
        }

        private int verifyFile() {
            PrintWriter out = spec.commandLine().getOut();
            AuditExportFile.Verdict verdict;
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                verdict = AuditExportFile.verify(lines);
            } catch (IOException e) {
                spec.commandLine().getErr().println("Cannot read " + file + " (" + readFailure(e) + ")");
                return MaskerCommand.USAGE;
            }
            verdict.start()
                    .ifPresent(start -> out.println("  Starts after:  " + position(start)
                            + (start.sequence() == 0
                                    ? " (the start of the chain)"
                                    : " (taken as given: compare it with event " + start.sequence()
                                            + "'s hash from an earlier export)")));
            return switch (verdict.verification()) {
                case ChainVerification.Intact intact -> {
                    out.println("The export is intact: " + intact.events() + " events checked.");
                    out.println("  Head:          "
                            + (intact.events() == 0 ? "none (no events)" : position(intact.head())));
                    yield MaskerCommand.OK;
                }
                case ChainVerification.Broken broken -> {
                    out.println("The export is BROKEN at line " + verdict.line()
                            + (broken.atSequence() > 0 ? " (event " + broken.atSequence() + ")" : "") + ": "
                            + broken.problem());
                    out.println("  Events checked before it: " + broken.eventsChecked());
                    yield MaskerCommand.REFUSED;
                }
            };
        }

        private int verifyServer() {
            Answer answer =
                    get(server, "/api/v1/audit/verify", spec.commandLine().getErr());
            if (answer.exitCode() != MaskerCommand.OK) {
                return answer.exitCode();
            }
            JsonNode result = answer.json();
            PrintWriter out = spec.commandLine().getOut();
            boolean intact = result.path("intact").asBoolean(false);
            if (server.json) {
                out.println(result.toPrettyString());
                return intact ? MaskerCommand.OK : MaskerCommand.REFUSED;
            }
            JsonNode head = result.path("head");
            String headText = head.isObject()
                    ? "seq " + head.path("seq").asLong() + ", hash "
                            + head.path("hash").asText()
                    : "missing";
            if (intact) {
                out.println("The audit chain is intact: "
                        + result.path("events_checked").asLong() + " events checked.");
                out.println("  Head:     " + headText);
            } else {
                JsonNode at = result.path("first_break");
                out.println("The audit chain is BROKEN at event "
                        + at.path("seq").asLong() + ": " + at.path("reason").asText());
                out.println("  Events checked before it: "
                        + result.path("events_checked").asLong());
                out.println("  Head (as stored): " + headText);
            }
            out.println("  Verified: " + result.path("verified_at").asText() + " by " + server.base());
            return intact ? MaskerCommand.OK : MaskerCommand.REFUSED;
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Write the audit events of a period as JSON Lines (seq, prev_hash, hash, body as stored), "
                        + "for masker audit verify --file or any third party (docs/AUDIT.md).",
                "The export runs from the first event at or after --since to the last before --until, with every event "
                        + "between them."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:exported",
                "1:the server refused (its error code is printed)",
                "2:bad usage, or the file cannot be written",
                "3:the server could not be reached, or the export was cut off"
            })
    static final class Export implements Callable<Integer> {
        @CommandLine.Mixin
        private ServerOptions server = new ServerOptions();

        @Option(
                names = "--since",
                paramLabel = "TIME",
                description = "RFC 3339 time, e.g. 2026-05-01T00:00:00Z " + "(default: the first event).")
        private String since;

        @Option(
                names = "--until",
                paramLabel = "TIME",
                description = "RFC 3339 time, excluded (default: the last event).")
        private String until;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                description = "Write to this file (default: standard output); "
                        + "it is written only once the whole export has arrived.")
        private Path out;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
            if (since != null) {
                query.add("since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
            }
            if (until != null) {
                query.add("until=" + URLEncoder.encode(until, StandardCharsets.UTF_8));
            }
            // The client is closed only once the body is read: closing it waits for the exchange to finish.
            try (HttpClient client = client()) {
                HttpResponse<InputStream> response;
                try {
                    response = send(
                            client, server, "/api/v1/audit/export" + query, HttpResponse.BodyHandlers.ofInputStream());
                } catch (IOException e) {
                    return unreachable(server, e, err);
                }
                if (response.statusCode() != 200) {
                    try (InputStream body = response.body()) {
                        return refused(response.statusCode(), body.readAllBytes(), err);
                    } catch (IOException e) {
                        return unreachable(server, e, err);
                    }
                }
                return out == null
                        ? copy(response.body(), spec.commandLine().getOut(), "standard output")
                        : copyToFile(response);
            }
        }

        private int copyToFile(HttpResponse<InputStream> response) {
            PrintWriter err = spec.commandLine().getErr();
            Path target = out.toAbsolutePath();
            Path partial;
            try {
                partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            } catch (IOException e) {
                err.println("Cannot write " + out + " (" + readFailure(e) + ")");
                closeQuietly(response.body());
                return MaskerCommand.USAGE;
            }
            try {
                int exitCode;
                try (Writer file = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    exitCode = copy(response.body(), file, out.toString());
                }
                if (exitCode == MaskerCommand.OK) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                return exitCode;
            } catch (IOException e) {
                err.println("Cannot write " + out + " (" + readFailure(e) + ")");
                return MaskerCommand.USAGE;
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    err.println("Could not remove the partial file " + partial);
                }
            }
        }

        /** Copies the lines, counting them; an export cut off in transit (a broken chunked body) is an error. */
        private int copy(InputStream body, Writer target, String name) {
            PrintWriter err = spec.commandLine().getErr();
            long events = 0;
            String first = null;
            String last = null;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                    BufferedWriter writer = new BufferedWriter(nonClosing(target))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    writer.write(line);
                    writer.write('\n');
                    events++;
                    last = line;
                    first = first == null ? line : first;
                }
            } catch (IOException e) {
                err.println("The export was cut off after " + events + " events ("
                        + e.getClass().getSimpleName() + "); it is incomplete"
                        + (out != null ? " and " + out + " was not written" : "") + ".");
                return MaskerCommand.UNREACHABLE;
            }
            err.println("Exported " + events + " events"
                    + (events == 0 ? "" : " (seq " + sequence(first) + " to " + sequence(last) + ")") + " to " + name
                    + ".");
            return MaskerCommand.OK;
        }
    }

    /** The answer of a GET to the API as JSON, or the exit code of why there is none. */
    private record Answer(int exitCode, JsonNode json) {}

    private static Answer get(ServerOptions server, String path, PrintWriter err) {
        HttpResponse<byte[]> response;
        try (HttpClient client = client()) {
            response = send(client, server, path, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Answer(unreachable(server, e, err), null);
        }
        if (response.statusCode() != 200) {
            return new Answer(refused(response.statusCode(), response.body(), err), null);
        }
        try {
            return new Answer(MaskerCommand.OK, JSON.readTree(response.body()));
        } catch (IOException e) {
            err.println("Masker answered 200 without JSON.");
            return new Answer(MaskerCommand.REFUSED, null);
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static <T> HttpResponse<T> send(
            HttpClient client, ServerOptions server, String path, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        HttpRequest request = HttpRequest.newBuilder(server.base().resolve(path))
                // The time to the answer's headers; a long export's body may take longer.
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + server.token())
                .GET()
                .build();
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int unreachable(ServerOptions server, IOException e, PrintWriter err) {
        err.println(
                e instanceof ConnectException
                        ? "Cannot reach Masker at " + server.base() + ": is `masker serve` running?"
                        : "The request to " + server.base() + " failed: "
                                + e.getClass().getSimpleName());
        return MaskerCommand.UNREACHABLE;
    }

    private static int refused(int status, byte[] body, PrintWriter err) {
        JsonNode error;
        try {
            error = JSON.readTree(body).path("error");
        } catch (IOException e) {
            err.println("Masker answered " + status + " without JSON.");
            return MaskerCommand.REFUSED;
        }
        err.println("Masker refused (" + status + " " + error.path("code").asText() + "): "
                + error.path("message").asText());
        error.path("details")
                .forEach(detail -> err.println("  " + detail.path("field").asText() + ": "
                        + detail.path("problem").asText()));
        return MaskerCommand.REFUSED;
    }

    private static String position(ChainPosition position) {
        return "seq " + position.sequence() + ", hash " + position.hash();
    }

    private static String sequence(String line) {
        try {
            return JSON.readTree(line).path("seq").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String readFailure(IOException e) {
        return e instanceof NoSuchFileException
                ? "no such file"
                : e instanceof AccessDeniedException
                        ? "permission denied"
                        : e.getClass().getSimpleName();
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // Only the connection is left to give back.
        }
    }

    /** The writer, with close() only flushing: standard output stays open for whatever prints next. */
    private static Writer nonClosing(Writer target) {
        return new java.io.FilterWriter(target) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
