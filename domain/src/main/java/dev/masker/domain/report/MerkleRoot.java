package dev.masker.domain.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The Merkle root over a report's event hashes, in sequence order, computed as the audit log is read: one event at a
 * time, holding one subtree per bit of the count (at most 64) instead of every hash.
 *
 * <p>The tree is RFC 6962's (Certificate Transparency) Merkle Tree Hash, written down in docs/AUDIT.md so that anyone can
 * recompute it: a leaf is {@code SHA-256(0x00 || h)} where {@code h} is the 32 bytes of the event's {@code hash}; an
 * inner node is {@code SHA-256(0x01 || left || right)}; a level with an odd number of nodes promotes its last node
 * unchanged to the next level (never duplicated, which would let two different lists share a root). The prefixes keep a
 * leaf from ever being read as an inner node. A list of one event has its leaf as the root; an empty list has no root.
 */
public final class MerkleRoot {
    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;
    private static final HexFormat HEX = HexFormat.of();

    /** Complete subtrees, largest first; their sizes are the set bits of {@link #count}, so each is twice the next. */
    private final List<byte[]> subtrees = new ArrayList<>();

    private final List<Long> sizes = new ArrayList<>();
    private final MessageDigest sha256 = sha256();
    private long count;

    /** The root over the hashes, in the order given. */
    public static Optional<String> of(List<String> hashes) {
        MerkleRoot root = new MerkleRoot();
        hashes.forEach(root::add);
        return root.root();
    }

    /**
     * Adds the next event's hash (64 lower- or upper-case hex digits).
     *
     * @throws IllegalArgumentException when the text is not a SHA-256 in hex
     */
    public void add(String eventHash) {
        if (eventHash == null || eventHash.length() != 64) {
            throw new IllegalArgumentException("an event hash is 64 hex digits");
        }
        byte[] node = digest(LEAF, HEX.parseHex(eventHash), null);
        long size = 1;
        // Like adding one in binary: equal-sized neighbours merge into the subtree one level up.
        while (!sizes.isEmpty() && sizes.getLast() == size) {
            node = digest(NODE, subtrees.removeLast(), node);
            sizes.removeLast();
            size *= 2;
        }
        subtrees.add(node);
        sizes.add(size);
        count++;
    }

    /** How many hashes were added. */
    public long count() {
        return count;
    }

    /** The root in lower-case hex, or empty when nothing was added. */
    public Optional<String> root() {
        if (subtrees.isEmpty()) {
            return Optional.empty();
        }
        // Folding the subtrees from the smallest up is the odd-node promotion: the last, smaller subtree meets its
        // left neighbour only at the level where the neighbour is complete.
        byte[] node = subtrees.getLast();
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            node = digest(NODE, subtrees.get(i), node);
        }
        return Optional.of(HEX.formatHex(node));
    }

    private byte[] digest(byte prefix, byte[] left, byte[] right) {
        sha256.update(prefix);
        sha256.update(left);
        if (right != null) {
            sha256.update(right);
        }
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
