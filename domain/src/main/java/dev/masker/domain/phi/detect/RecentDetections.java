package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiSpan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The spans of texts detected recently, so a text seen again is not read again: a voice platform re-sends the whole
 * conversation every turn, and without this each turn's masking cost grew with the length of the call. A text is
 * known by the SHA-256 of its UTF-8 bytes and only offsets and kinds are kept, so no PHI stays in memory here. Holds at
 * most {@code capacity} texts, the least recently used leaving first. Thread-safe; detection itself runs outside the
 * lock.
 */
public final class RecentDetections {
    private final Function<String, List<PhiSpan>> detector;
    private final Map<Digest, List<PhiSpan>> recent;

    /** Remembers the spans {@code detector} finds for at most {@code capacity} texts. */
    public RecentDetections(Function<String, List<PhiSpan>> detector, int capacity) {
        this.detector = Objects.requireNonNull(detector, "detector");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Digest, List<PhiSpan>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The spans of the text: remembered when it was seen recently, else detected and remembered. */
    public List<PhiSpan> detect(String text) {
        Digest key = Digest.of(text);
        synchronized (recent) {
            List<PhiSpan> known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        List<PhiSpan> spans = List.copyOf(detector.apply(text));
        synchronized (recent) {
            recent.put(key, spans);
        }
        return spans;
    }

    /** How many texts are remembered. */
    public int size() {
        synchronized (recent) {
            return recent.size();
        }
    }

    /** The SHA-256 of a text's UTF-8 bytes, as a map key. */
    private record Digest(long a, long b, long c, long d) {
        static Digest of(String text) {
            byte[] hash;
            try {
                hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
            return new Digest(longAt(hash, 0), longAt(hash, 8), longAt(hash, 16), longAt(hash, 24));
        }

        private static long longAt(byte[] bytes, int from) {
            long value = 0;
            for (int i = from; i < from + 8; i++) {
                value = value << 8 | bytes[i] & 0xFF;
            }
            return value;
        }
    }
}
