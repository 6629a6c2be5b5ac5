package dev.masker.adapters.http;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses request text that no route can use, before any route sees it: a path whose percent-encoded bytes are not
 * UTF-8 (an overlong sequence such as {@code %C0%AF}, a stray byte) is 400 {@code bad_request}, and a query parameter
 * that is not UTF-8 or holds a NUL (which PostgreSQL cannot store or compare) is 422 {@code validation_failed} naming
 * the parameter. The web server would otherwise replace such bytes with U+FFFD, silently changing what was asked for.
 */
public final class RequestTextFilter implements Filter {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (decode(request.path().rawPath(), false).isEmpty()) {
            throw DomainException.of(ErrorCode.BAD_REQUEST, "The path is not valid UTF-8.");
        }
        String query = request.query().rawValue();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                Optional<String> name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
                Optional<String> value = equals < 0 ? Optional.of("") : decode(pair.substring(equals + 1), true);
                if (name.isEmpty()
                        || value.isEmpty()
                        || name.get().indexOf('\0') >= 0
                        || value.get().indexOf('\0') >= 0) {
                    // A parameter's name is shown only when it looks like one: it is the caller's text.
                    String field = name.filter(text -> SAFE_NAME.matcher(text).matches())
                            .orElse("query");
                    throw DomainException.invalid(field, "must be UTF-8 text without NUL characters");
                }
            }
        }
        chain.proceed();
    }

    /** The text of percent-encoded UTF-8, or empty when its bytes are not UTF-8 or an escape is broken. */
    static Optional<String> decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return Optional.of(raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()
                        || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            // Java's strict decoder refuses overlong forms, surrogates encoded in UTF-8 and stray bytes.
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
