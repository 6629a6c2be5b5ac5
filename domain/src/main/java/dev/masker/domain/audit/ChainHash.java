package dev.masker.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The audit chain's hash rule, written down in docs/AUDIT.md so that anyone can recompute it:
 * {@code hash = lower-hex SHA-256(UTF-8(prev_hash + body))}, the first event's {@code prev_hash} being 64 zeros. The
 * writer, the database verifier and the export file verifier all hash through here, so they cannot disagree.
 */
public final class ChainHash {
    /** The {@code prev_hash} of the first event: the hash of the empty chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-f]{64}");
    /** Never used itself, only cloned: a clone skips the provider look-up. */
    private static final MessageDigest SHA_256 = sha256();

    private ChainHash() {}

    /** The hash that links an event with this body to the event whose hash is {@code previousHash}. */
    public static String of(String previousHash, String body) {
        try {
            MessageDigest sha256 = (MessageDigest) SHA_256.clone();
            return HexFormat.of().formatHex(sha256.digest((previousHash + body).getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK's SHA-256 cannot be cloned", e);
        }
    }

    /** Whether the text has the form of a chain hash: 64 lower-case hex digits. */
    public static boolean isWellFormed(String text) {
        return text != null && WELL_FORMED.matcher(text).matches();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
