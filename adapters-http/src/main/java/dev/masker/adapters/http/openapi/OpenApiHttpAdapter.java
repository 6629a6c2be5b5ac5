package dev.masker.adapters.http.openapi;

import dev.masker.adapters.http.HttpErrorMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code GET /openapi.json}: the OpenAPI document of every Masker endpoint, written by hand beside this class and kept
 * in step with the routes by the route agreement test. Public, like the health probes: it describes the API and holds
 * no data. It only changes with a new version of Masker, so caches may keep it a few minutes and revalidate it with
 * its {@code ETag}.
 */
public final class OpenApiHttpAdapter implements HttpService {
    /** The route. */
    public static final String PATH = "/openapi.json";
    /** The resource, next to this class in the module (and so readable only from it). */
    static final String RESOURCE = "openapi.json";

    private static final String CACHE_CONTROL = "public, max-age=300";

    private final byte[] document;
    private final String etag;

    /**
     * Loads the document once.
     *
     * @throws IllegalStateException when the resource is missing from the module, so the server does not start without it
     */
    public OpenApiHttpAdapter() {
        this.document = load();
        this.etag = "\"" + HexFormat.of().formatHex(sha256(document), 0, 16) + "\"";
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::describe).any(PATH, HttpErrorMapper.methodNotAllowed("GET"));
    }

    private void describe(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.ETAG, etag);
        response.header(HeaderNames.CACHE_CONTROL, CACHE_CONTROL);
        if (matchesCurrent(request.headers().first(HeaderNames.IF_NONE_MATCH))) {
            response.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.send(document);
    }

    /** Whether {@code If-None-Match} names this version: {@code *}, or a list holding our tag (weak comparison). */
    private boolean matchesCurrent(Optional<String> ifNoneMatch) {
        if (ifNoneMatch.isEmpty()) {
            return false;
        }
        for (String candidate : ifNoneMatch.get().split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] load() {
        try (InputStream in = OpenApiHttpAdapter.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from "
                        + OpenApiHttpAdapter.class.getModule().getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
