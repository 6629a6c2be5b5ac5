package dev.masker.adapters.http.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.in.AuditChainCheck;
import dev.masker.application.port.in.ExportAuditChainUseCase;
import dev.masker.domain.audit.ChainHash;
import dev.masker.domain.audit.ChainLink;
import dev.masker.domain.audit.ChainVerification;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The export's streaming on a real socket: a failure before the first line is an ordinary error answer, one after it
 * cuts the connection short so that no client can take a cut-off export for a whole one.
 */
class AuditHttpAdapterIT {
    private static final int LINES = 2_000;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void givenTheLogFailsBeforeTheFirstLine_export_answers503InTheErrorShape() throws Exception {
        try (Served served = serve((query, sink) -> {
            throw DomainException.of(ErrorCode.AUDIT_UNAVAILABLE, "The audit log cannot be read now.");
        })) {
            HttpResponse<String> response = served.get("/api/v1/audit/export");

            assertEquals(503, response.statusCode());
            assertTrue(response.body().contains("\"code\":\"audit_unavailable\""), response.body());
        }
    }

    @Test
    void givenTheLogFailsAfterLinesWentOut_export_endsTheConnectionShortOfTheBodysEnd() {
        try (Served served = serve((query, sink) -> {
            for (int seq = 1; seq <= LINES; seq++) {
                sink.accept(new ChainLink(seq, ChainHash.GENESIS, ChainHash.GENESIS, "{\"seq\":" + seq + "}"));
            }
            throw DomainException.of(ErrorCode.AUDIT_UNAVAILABLE, "The audit log cannot be read now.");
        })) {
            assertThrows(IOException.class, () -> served.get("/api/v1/audit/export"));
        }
    }

    @Test
    void givenEveryLine_export_endsTheBodyWithTheLastLine() throws Exception {
        try (Served served = serve((query, sink) -> {
            for (int seq = 1; seq <= LINES; seq++) {
                sink.accept(new ChainLink(seq, ChainHash.GENESIS, ChainHash.GENESIS, "{\"seq\":" + seq + "}"));
            }
            return LINES;
        })) {
            HttpResponse<String> response = served.get("/api/v1/audit/export");

            assertEquals(200, response.statusCode());
            String[] lines = response.body().split("\n");
            assertEquals(LINES, lines.length);
            assertEquals(
                    "{\"seq\":2000,\"prev_hash\":\"" + ChainHash.GENESIS + "\",\"hash\":\"" + ChainHash.GENESIS
                            + "\",\"body\":\"{\\\"seq\\\":2000}\"}",
                    lines[LINES - 1]);
        }
    }

    private record Served(WebServer server) implements AutoCloseable {
        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    private static Served serve(ExportAuditChainUseCase export) {
        JsonCodec json = new JsonCodec();
        AuditHttpAdapter adapter = new AuditHttpAdapter(
                () -> new AuditChainCheck(new ChainVerification.Intact(0, ChainHash.GENESIS), Instant.EPOCH),
                export,
                json);
        return new Served(WebServer.builder()
                .port(0)
                .host("127.0.0.1")
                .shutdownHook(false)
                .routing(routing -> {
                    routing.register(adapter);
                    new HttpErrorMapper(json).register(routing);
                })
                .build()
                .start());
    }
}
