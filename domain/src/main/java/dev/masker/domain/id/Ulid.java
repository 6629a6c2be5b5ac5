package dev.masker.domain.id;

import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A ULID: 48 bits of milliseconds and 80 random bits, written as 26 upper-case Crockford base32 characters.
 */
public record Ulid(String value) {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 26;
    /** Each ASCII character's value in the alphabet, or -1: ids are checked on every request. */
    private static final byte[] DECODE = new byte[128];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DECODE[ALPHABET[i]] = (byte) i;
        }
    }

    public Ulid {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a ULID");
        }
    }

    /** Whether the text is a canonical ULID: 26 upper-case Crockford base32 characters, first one at most 7. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != LENGTH || text.charAt(0) > '7') {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A new ULID for the given instant, its random part drawn from the given generator. */
    public static Ulid generate(Instant instant, RandomGenerator random) {
        long millis = instant.toEpochMilli();
        long high = random.nextLong();
        long low = random.nextLong();
        char[] out = new char[LENGTH];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits: 16 from `high`, 64 from `low`, as 16 characters of 5 bits.
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low = (low >>> 5) | (high << 59);
            high >>>= 5;
        }
        return new Ulid(new String(out));
    }

    private static int indexOf(char c) {
        return c < DECODE.length ? DECODE[c] : -1;
    }

    @Override
    public String toString() {
        return value;
    }
}
