package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token keys of the embedded mode: made once into the data directory, then read back. */
class TokenKeyFilesTest {
    private static final Kid HEALTHCARE = new Kid("K_HEALTHCARE");

    private static MaskerConfig embedded(Path dataDir, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("MASKER_VAPI_WEBHOOK_SECRET", "whsec_a");
        env.put("MASKER_ADMIN_TOKEN", "admin-token-0123456789");
        env.put("MASKER_DATA_DIR", dataDir.toString());
        return MaskerConfig.from(env);
    }

    @Test
    void givenEmbeddedModeWithoutAKey_tokenKeys_makesOneOwnerOnlyFileAndReadsItBackNextTime(@TempDir Path dataDir)
            throws IOException {
        KeyRing first = MaskerDatabase.tokenKeys(embedded(dataDir, Map.of()));
        KeyRing second = MaskerDatabase.tokenKeys(embedded(dataDir, Map.of()));

        Path file = dataDir.resolve("keys").resolve("K_HEALTHCARE.key");
        assertEquals(KeyRing.KEY_BYTES, Files.size(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(
                first.require(HEALTHCARE).current(), second.require(HEALTHCARE).current());
        assertArrayEquals(Files.readAllBytes(file), first.require(HEALTHCARE).current());
    }

    @Test
    void givenEmbeddedModeWithAConfiguredKey_tokenKeys_usesItAndWritesNoFile(@TempDir Path dataDir) {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) 7);

        KeyRing keys = MaskerDatabase.tokenKeys(embedded(
                dataDir, Map.of("MASKER_KEY_K_HEALTHCARE", Base64.getEncoder().encodeToString(key))));

        assertArrayEquals(key, keys.require(HEALTHCARE).current());
        assertTrue(Files.notExists(dataDir.resolve("keys")));
    }
}
