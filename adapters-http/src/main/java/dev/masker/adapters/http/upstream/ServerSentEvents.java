package dev.masker.adapters.http.upstream;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code text/event-stream} byte stream into the data of its events, as the WHATWG event-stream format reads it,
 * whatever the boundaries of the reads: lines end in LF, CRLF or CR; {@code data:} lines of one event are joined with LF;
 * a blank line ends an event; comments ({@code :...}) and the other fields ({@code event:}, {@code id:}, {@code retry:})
 * are skipped, since OpenAI's chunks carry everything in their data. Lines are decoded as UTF-8 whole, so a character
 * split across two reads arrives intact. Not thread-safe: one instance reads one stream.
 */
final class ServerSentEvents {
    private final int maxEventBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean afterCr;

    ServerSentEvents(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * Takes the next bytes of the stream and answers the data of every event they completed, in order.
     *
     * @throws DomainException {@code upstream_error} when one event grows over the size limit
     */
    List<String> feed(byte[] bytes, int length) {
        List<String> events = new ArrayList<>(1);
        int start = 0;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == '\n' && afterCr) {
                // The LF of a CRLF: the CR already ended the line, even when it came in the previous read.
                start = i + 1;
            } else if (b == '\r' || b == '\n') {
                append(bytes, start, i);
                endLine(events);
                start = i + 1;
            }
            afterCr = b == '\r';
        }
        append(bytes, start, length);
        return events;
    }

    private void append(byte[] bytes, int from, int to) {
        if (to <= from) {
            return;
        }
        if (line.size() + data.length() + (to - from) > maxEventBytes) {
            throw DomainException.of(ErrorCode.UPSTREAM_ERROR, "The upstream sent an event over the size limit.");
        }
        line.write(bytes, from, to - from);
    }

    private void endLine(List<String> events) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            if (hasData) {
                events.add(data.toString());
            }
            data.setLength(0);
            hasData = false;
            return;
        }
        if (text.charAt(0) == ':') {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        if (!"data".equals(field)) {
            return;
        }
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (hasData) {
            data.append('\n');
        }
        data.append(value.startsWith(" ") ? value.substring(1) : value);
        hasData = true;
    }
}
