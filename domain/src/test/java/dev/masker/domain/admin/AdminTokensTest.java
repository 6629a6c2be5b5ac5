package dev.masker.domain.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminTokensTest {
    private static final String CURRENT = "current-admin-token-0123456789";
    private static final String NEXT = "next-admin-token-9876543210";

    private final AdminTokens tokens = AdminTokens.of(List.of(CURRENT, NEXT));

    @Test
    void givenEitherConfiguredToken_match_answersItsPrincipal() {
        AdminPrincipal current = tokens.match(CURRENT).orElseThrow();
        AdminPrincipal next = tokens.match(NEXT).orElseThrow();

        // The first 8 hex digits of the token's SHA-256: `printf '%s' current-admin-token-0123456789 | sha256sum`.
        assertEquals(new AdminPrincipal("admin-token:bb9e266a"), current);
        assertNotEquals(current, next);
    }

    @Test
    void givenAnyOtherText_match_answersEmpty() {
        assertEquals(Optional.empty(), tokens.match(CURRENT + "x"));
        assertEquals(Optional.empty(), tokens.match(CURRENT.substring(1)));
        assertEquals(Optional.empty(), tokens.match(""));
    }

    @Test
    void givenATokenRemovedFromTheConfiguration_stillConfigured_answersFalseForItsPrincipal() {
        AdminPrincipal current = tokens.match(CURRENT).orElseThrow();
        AdminTokens rotated = AdminTokens.of(List.of(NEXT));

        assertTrue(tokens.stillConfigured(current));
        assertFalse(rotated.stillConfigured(current));
        assertTrue(rotated.stillConfigured(tokens.match(NEXT).orElseThrow()));
    }

    @Test
    void givenNoToken_of_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdminTokens.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> AdminTokens.of(List.of("")));
    }

    @Test
    void givenTokens_toString_showsNoneOfThem() {
        assertFalse(tokens.toString().contains(CURRENT));
        assertFalse(tokens.toString().contains(NEXT));
    }
}
