package dev.masker.domain.phi;

import dev.masker.domain.session.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the token vault: the original of an {@link TokenScheme#MSKV1} token, sealed, kept for the session that
 * made the token and only for it. The token names the kind and kid; the plaintext is never part of an entry.
 */
public record VaultEntry(SessionId session, PhiToken token, SealedValue sealed, Instant createdAt) {
    public VaultEntry {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(createdAt, "createdAt");
        if (token.scheme() != TokenScheme.MSKV1) {
            throw new IllegalArgumentException("only MSKV1 tokens are kept in the vault");
        }
    }
}
