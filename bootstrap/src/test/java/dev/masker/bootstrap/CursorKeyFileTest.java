package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded mode's cursor key file: made once as cursor.key, and a data directory's older fingerprint.key kept. */
class CursorKeyFileTest {
    @TempDir
    Path dataDir;

    private MaskerConfig config() {
        Map<String, String> env = new HashMap<>();
        env.put("MASKER_VAPI_WEBHOOK_SECRET", "whsec_a");
        env.put("MASKER_ADMIN_TOKEN", "admin-token-0123456789");
        env.put("MASKER_DATA_DIR", dataDir.toString());
        return MaskerConfig.from(env);
    }

    @Test
    void givenANewDataDirectory_cursorKey_makesCursorKeyOnceAndKeepsIt() throws IOException {
        byte[] first = MaskerDatabase.cursorKey(config());

        assertEquals(32, first.length);
        assertArrayEquals(first, Files.readAllBytes(dataDir.resolve("cursor.key")));
        assertArrayEquals(first, MaskerDatabase.cursorKey(config()));
        assertFalse(Files.exists(dataDir.resolve("fingerprint.key")));
    }

    @Test
    void givenADataDirectoryFromBeforeTheRename_cursorKey_readsItsFingerprintKey() throws IOException {
        byte[] old = new byte[32];
        old[0] = 7;
        Files.write(dataDir.resolve("fingerprint.key"), old);

        assertArrayEquals(old, MaskerDatabase.cursorKey(config()));
        assertFalse(Files.exists(dataDir.resolve("cursor.key")), "no second key is made beside the old one");
        assertTrue(Files.exists(dataDir.resolve("fingerprint.key")));
    }
}
