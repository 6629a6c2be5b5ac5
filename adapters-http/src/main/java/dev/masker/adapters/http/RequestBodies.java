package dev.masker.adapters.http;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads JSON request bodies as raw bytes, never more than the configured limit: a declared length over it is refused
 * before a byte is read, and a chunked body is cut off as soon as it passes it.
 */
public final class RequestBodies {
    private final long maxBytes;

    public RequestBodies(long maxBytes) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the body limit must be between 1 byte and 2 GiB");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * The exact bytes of a JSON body.
     *
     * @throws DomainException with {@code unsupported_media_type} when the content type is not JSON, or
     *         {@code payload_too_large} when the body is over the limit
     */
    public byte[] readJson(ServerRequest request) {
        Optional<HttpMediaType> type = request.headers().contentType();
        if (type.isEmpty() || !isJson(type.get())) {
            throw DomainException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
        }
        Optional<Long> declared = request.headers().contentLength().stream().boxed().findFirst();
        if (declared.isPresent() && declared.get() > maxBytes) {
            throw tooLarge();
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] buffer = new byte[(int) Math.min(maxBytes + 1, declared.orElse(8192L) + 1)];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (length > maxBytes) {
                        throw tooLarge();
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes + 1, (long) buffer.length * 2));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
            if (length > maxBytes) {
                throw tooLarge();
            }
            return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest body accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    private static boolean isJson(HttpMediaType type) {
        String subtype = type.mediaType().subtype();
        return "application".equals(type.mediaType().type()) && ("json".equals(subtype) || subtype.endsWith("+json"))
                && type.charset().map(charset -> charset.equalsIgnoreCase("utf-8")).orElse(true);
    }

    private DomainException tooLarge() {
        return DomainException.of(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than " + maxBytes + " bytes.");
    }
}
