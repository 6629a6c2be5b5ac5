package dev.masker.adapters.http.audit;

import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.in.AuditChainCheck;
import dev.masker.application.port.in.ExportAuditChainQuery;
import dev.masker.application.port.in.ExportAuditChainUseCase;
import dev.masker.application.port.in.VerifyAuditChainUseCase;
import dev.masker.domain.audit.ChainLink;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@code GET /api/v1/audit/verify} (the chain's verdict, for the portal and {@code masker audit verify}) and
 * {@code GET /api/v1/audit/export} (a period's stored events as JSON Lines, streamed, for {@code masker audit export}
 * and any third party), behind the admin authentication the routing puts in front of all of {@code /api/v1}.
 */
public final class AuditHttpAdapter implements HttpService {
    /** JSON Lines: one JSON object per line. */
    static final String JSON_LINES = "application/x-ndjson";

    private static final int BUFFER_BYTES = 64 * 1024;

    private final VerifyAuditChainUseCase verify;
    private final ExportAuditChainUseCase export;
    private final JsonCodec json;

    public AuditHttpAdapter(VerifyAuditChainUseCase verify, ExportAuditChainUseCase export, JsonCodec json) {
        this.verify = Objects.requireNonNull(verify, "verify");
        this.export = Objects.requireNonNull(export, "export");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/audit/verify", this::verify)
                .any("/api/v1/audit/verify", HttpErrorMapper.methodNotAllowed("GET"))
                .get("/api/v1/audit/export", this::export)
                .any("/api/v1/audit/export", HttpErrorMapper.methodNotAllowed("GET"));
    }

    private void verify(ServerRequest request, ServerResponse response) {
        AuditChainCheck check = verify.verify();
        json.send(response, Status.OK_200, AuditVerifyResponse.of(check));
    }

    private void export(ServerRequest request, ServerResponse response) {
        var query = request.query();
        ExportAuditChainQuery period = new ExportAuditChainQuery(
                query.first("since").asOptional(), query.first("until").asOptional());
        Lines lines = new Lines(response);
        try {
            export.export(period, lines::write);
        } catch (RuntimeException e) {
            if (!lines.started()) {
                throw e;
            }
            // The status line has gone out: the only way left to tell the client is to end the connection before the
            // chunked body's last chunk, so that no client can take a cut-off export for a whole one.
            throw new CloseConnectionException("the audit export failed after it started", e);
        }
        lines.finish();
    }

    /** The JSON Lines body, opened at its first line so that a refusal before it is still an ordinary error answer. */
    private final class Lines {
        private final ServerResponse response;
        private OutputStream out;

        Lines(ServerResponse response) {
            this.response = response;
        }

        void write(ChainLink link) {
            try {
                OutputStream body = open();
                body.write(json.write(AuditExportLine.of(link)));
                body.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean started() {
            return out != null;
        }

        void finish() {
            try {
                open().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private OutputStream open() {
            if (out == null) {
                response.status(Status.OK_200);
                response.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, JSON_LINES));
                response.header(HeaderNames.CACHE_CONTROL, "no-store");
                out = new BufferedOutputStream(response.outputStream(), BUFFER_BYTES);
            }
            return out;
        }
    }
}
