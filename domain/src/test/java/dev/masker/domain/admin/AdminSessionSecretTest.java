package dev.masker.domain.admin;

import static dev.masker.domain.error.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.error.ErrorCode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminSessionSecretTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void givenAGenerator_generate_makes256RandomBitsInBase64Url() {
        AdminSessionSecret secret = AdminSessionSecret.generate(random);

        assertEquals(43, secret.value().length());
        assertTrue(secret.value().matches("[A-Za-z0-9_-]{43}"), secret.value());
        assertEquals(32, Base64.getUrlDecoder().decode(secret.value()).length);
    }

    @Test
    void givenManySecrets_generate_neverRepeatsOne() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(AdminSessionSecret.generate(random).value()));
        }
    }

    @Test
    void givenASecret_digest_isTheLowerHexSha256OfItsText() {
        AdminSessionSecret secret = new AdminSessionSecret("A".repeat(43));

        // printf '%s' AAA…A (43 of them) | sha256sum
        assertEquals(
                "0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a",
                secret.digest().hex());
        assertEquals(secret.digest(), new AdminSessionSecret("A".repeat(43)).digest());
        assertNotEquals(secret.digest(), new AdminSessionSecret("A".repeat(42) + "B").digest());
        assertFalse(secret.digest().hex().contains(secret.value()));
    }

    @Test
    void givenTextNotShapedLikeASecret_parse_answersEmpty() {
        assertEquals(Optional.empty(), AdminSessionSecret.parse(null));
        assertEquals(Optional.empty(), AdminSessionSecret.parse(""));
        assertEquals(Optional.empty(), AdminSessionSecret.parse("A".repeat(42)));
        assertEquals(Optional.empty(), AdminSessionSecret.parse("A".repeat(44)));
        assertEquals(Optional.empty(), AdminSessionSecret.parse("A".repeat(42) + "="));
        assertEquals(Optional.empty(), AdminSessionSecret.parse("A".repeat(42) + "+"));
        String wellFormed = "a_-" + "Z".repeat(40);
        assertEquals(Optional.of(new AdminSessionSecret(wellFormed)), AdminSessionSecret.parse(wellFormed));
        assertRefused(ErrorCode.UNAUTHENTICATED, () -> new AdminSessionSecret("short-cookie"), "short-cookie");
    }

    @Test
    void givenASecret_toString_hidesIt() {
        AdminSessionSecret secret = AdminSessionSecret.generate(random);

        assertFalse(secret.toString().contains(secret.value()));
    }
}
