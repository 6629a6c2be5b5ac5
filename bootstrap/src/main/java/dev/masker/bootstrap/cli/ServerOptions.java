package dev.masker.bootstrap.cli;

import java.net.URI;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where the server is and how to sign in: options every command that talks to a running server shares. */
final class ServerOptions {
    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "Masker's base URL (default: $MASKER_SERVER, else http://127.0.0.1:$MASKER_PORT or 8080).")
    String server;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
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
