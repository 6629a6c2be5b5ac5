package dev.masker.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MerkleRootTest {
    /** The worked example of docs/AUDIT.md: event hashes of 64 times "1", "2", "3", ... */
    private static final List<String> HASHES = List.of(
            "1".repeat(64),
            "2".repeat(64),
            "3".repeat(64),
            "4".repeat(64),
            "5".repeat(64),
            "6".repeat(64),
            "7".repeat(64));

    @Test
    void givenNoHashes_root_isEmpty() {
        assertEquals(Optional.empty(), MerkleRoot.of(List.of()));
    }

    // Vectors computed by hand with Python's hashlib (docs/AUDIT.md shows the script): leaf = SHA-256(0x00 || h),
    // node = SHA-256(0x01 || left || right), an odd node promoted.
    @Test
    void givenOneHash_root_isItsLeaf() {
        assertEquals(
                "4635e1fa62a599a7880a8d14a56f720a1d40f6e5448ab5a5e39bedc8bd87fa8e",
                MerkleRoot.of(HASHES.subList(0, 1)).orElseThrow());
    }

    @Test
    void givenTwoHashes_root_isTheNodeOverBothLeaves() {
        assertEquals(
                "cc15b132263fd4fd2748c0e7cb9e1c4ad0afe70fcf9382ee644c4da8af0286a5",
                MerkleRoot.of(HASHES.subList(0, 2)).orElseThrow());
    }

    @Test
    void givenThreeHashes_root_promotesTheThirdLeaf() {
        assertEquals(
                "9bee4401962e94b921336a7910a5a9718836ffcbc545dde0a3f34d858beb5752",
                MerkleRoot.of(HASHES.subList(0, 3)).orElseThrow());
    }

    @Test
    void givenFiveAndSevenHashes_root_matchesTheHandComputedVectors() {
        assertEquals(
                "f9eb7b7e828c224c498136965f40db8848b83409caa6124306414523fa84d568",
                MerkleRoot.of(HASHES.subList(0, 5)).orElseThrow());
        assertEquals(
                "361376eb5518f34cd1c2515e7e870a1729764c04c3101af29eccdddd7723579f",
                MerkleRoot.of(HASHES).orElseThrow());
    }

    @Test
    void givenAnyCount_streamedRoot_equalsTheLevelByLevelTree() {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            hashes.add(HexFormat.of().formatHex(sha256(("event " + i).getBytes(StandardCharsets.UTF_8))));
            assertEquals(levelByLevel(hashes), MerkleRoot.of(hashes).orElseThrow(), "events: " + hashes.size());
        }
    }

    @Test
    void givenReorderedHashes_root_differs() {
        List<String> swapped = new ArrayList<>(HASHES);
        swapped.set(0, HASHES.get(1));
        swapped.set(1, HASHES.get(0));
        assertNotEquals(MerkleRoot.of(HASHES), MerkleRoot.of(swapped));
    }

    @Test
    void givenUpperCaseHex_root_isTheSame() {
        List<String> upper = List.of("a".repeat(64).toUpperCase(), "b".repeat(64));
        assertEquals(MerkleRoot.of(List.of("a".repeat(64), "b".repeat(64))), MerkleRoot.of(upper));
    }

    @Test
    void givenTextThatIsNotAHash_add_isRefused() {
        MerkleRoot root = new MerkleRoot();
        assertThrows(IllegalArgumentException.class, () -> root.add("abc"));
        assertThrows(IllegalArgumentException.class, () -> root.add("z".repeat(64)));
        assertTrue(root.root().isEmpty());
    }

    /** The tree as docs/AUDIT.md describes it, one level at a time. */
    private static String levelByLevel(List<String> hashes) {
        List<byte[]> level = new ArrayList<>();
        for (String hash : hashes) {
            level.add(sha256(concat(new byte[] {0}, HexFormat.of().parseHex(hash))));
        }
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(sha256(concat(new byte[] {1}, concat(level.get(i), level.get(i + 1)))));
            }
            if (level.size() % 2 == 1) {
                next.add(level.getLast());
            }
            level = next;
        }
        return HexFormat.of().formatHex(level.getFirst());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
