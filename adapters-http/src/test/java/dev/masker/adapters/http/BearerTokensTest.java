package dev.masker.adapters.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
    private final BearerTokens tokens =
            new BearerTokens(List.of("metrics-token-old-0123456789", "metrics-token-new-0123456789"), "metrics token");

    @Test
    void givenEitherRotatedToken_accepts_isTrue() {
        assertTrue(tokens.accepts(Optional.of("Bearer metrics-token-old-0123456789")));
        assertTrue(tokens.accepts(Optional.of("bearer metrics-token-new-0123456789 ")));
    }

    @Test
    void givenMissingOrWrongCredentials_accepts_isFalse() {
        assertFalse(tokens.accepts(Optional.empty()));
        assertFalse(tokens.accepts(Optional.of("Bearer metrics-token-other-0123456789")));
        assertFalse(tokens.accepts(Optional.of("metrics-token-old-0123456789")));
        assertFalse(tokens.accepts(Optional.of("Basic bWV0cmljczp0b2tlbg==")));
        assertFalse(tokens.accepts(Optional.of("Bearer ")));
    }

    @Test
    void givenNoTokens_construct_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BearerTokens(List.of(), "metrics token"));
    }
}
