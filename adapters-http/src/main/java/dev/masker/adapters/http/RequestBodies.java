package dev.masker.adapters.http;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
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
        Optional<Long> declared =
                request.headers().contentLength().stream().boxed().findFirst();
        if (declared.isPresent() && declared.get() > maxBytes) {
            throw tooLarge();
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            return read(in, declared);
        } catch (DataReader.InsufficientDataAvailableException | IOException | UncheckedIOException e) {
            // The connection ended inside the body: nobody is left to answer. Closed without a word or a stack trace.
            throw new CloseConnectionException("the client went away in the middle of the body", e);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            // Helidon's chunked decoder fails on what it cannot parse (a chunk size of "zz", or a chunk extension,
            // which
            // is legal but which Helidon 4.5 does not read): the framing is lost, so this connection cannot carry
            // another
            // request either.
            throw new UnreadableBodyException(e);
        }
    }

    private byte[] read(InputStream in, Optional<Long> declared) throws IOException {
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
    }

    /** The largest body accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    private static boolean isJson(HttpMediaType type) {
        // Media types are case-insensitive (RFC 9110 §8.3.1): APPLICATION/JSON is JSON.
        String subtype = type.mediaType().subtype().toLowerCase(Locale.ROOT);
        return "application".equalsIgnoreCase(type.mediaType().type())
                && ("json".equals(subtype) || subtype.endsWith("+json"))
                && type.charset()
                        .map(charset -> charset.equalsIgnoreCase("utf-8"))
                        .orElse(true);
    }

    private DomainException tooLarge() {
        return DomainException.of(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than " + maxBytes + " bytes.");
    }
}
