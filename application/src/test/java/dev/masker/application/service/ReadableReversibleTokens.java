package dev.masker.application.service;

import dev.masker.application.port.out.ReversibleTokenPort;
import dev.masker.domain.phi.Base32;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.session.SessionId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A stand-in for the MSK1 scheme with no secrecy at all: the token value is base32 of "kind|kid|session|value", and it
 * opens only under the kind, kid and session it was made with. Enough to test the services' routing, never a cipher.
 */
final class ReadableReversibleTokens implements ReversibleTokenPort {

    @Override
    public PhiToken seal(SessionId session, PhiKind kind, Kid kid, String value) {
        String text = label(session, kind, kid) + value + "................";
        return new PhiToken(TokenScheme.MSK1, kind, kid, Base32.encode(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<String> open(SessionId session, PhiToken token) {
        String label = label(session, token.kind(), token.kid());
        return Base32.decode(token.value())
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .filter(text -> text.startsWith(label) && text.endsWith("................"))
                .map(text -> text.substring(label.length(), text.length() - 16));
    }

    private static String label(SessionId session, PhiKind kind, Kid kid) {
        return kind + "|" + kid + "|" + session + "|";
    }
}
