package dev.masker.domain.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secret a caller of an agent's proxy presents (SPEC §7): {@code mpk_} and 64 lower-case hex digits (256 random
 * bits). The agent id in the proxy URL is no secret (Vapi shows it in the assistant); this key is. Never printed.
 */
public final class ProxyKey {
    /** The bytes of randomness behind a key. */
    public static final int RANDOM_BYTES = 32;

    private static final String PREFIX = "mpk_";
    private static final Pattern SHAPE = Pattern.compile("mpk_[0-9a-f]{64}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private ProxyKey(String value) {
        this.value = value;
    }

    /** A new key from the platform's cryptographic generator. */
    public static ProxyKey generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return of(random);
    }

    /** The key made of 32 random bytes. */
    public static ProxyKey of(byte[] random) {
        if (random.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("a proxy key is made of 32 random bytes");
        }
        return new ProxyKey(PREFIX + HexFormat.of().formatHex(random));
    }

    /** A stored key. */
    public static ProxyKey restore(String value) {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a proxy key");
        }
        return new ProxyKey(value);
    }

    /** Whether the presented text is this key; compared in constant time. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The key itself, for the agent's owner and the assistant's model headers only. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxyKey key
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), key.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ProxyKey[****]";
    }
}
