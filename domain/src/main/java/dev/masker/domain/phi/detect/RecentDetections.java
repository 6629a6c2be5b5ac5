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
 * known by the SHA-256 of its UTF-8 bytes and only offsets, kinds and recognizer names are kept, so no PHI stays in
 * memory here. Holds at most {@code capacity} texts, the least recently used leaving first. Thread-safe; detection
 * itself runs outside the lock.
 */
public final class RecentDetections {
    private final Function<String, List<Found>> detector;
    private final Map<Digest, Reading> recent;

    /** A span and the recognizer that found it (empty when the detector does not say). */
    public record Found(PhiSpan span, String recognizer) {
        public Found {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(recognizer, "recognizer");
        }
    }

    /**
     * A text's spans with their recognizers, the spans alone (kept with them, so a text read again costs no copy), and
     * whether this is the first time the text was read (not remembered from before).
     */
    public record Reading(List<Found> found, List<PhiSpan> spans, boolean firstTime) {
        public Reading {
            found = List.copyOf(found);
            spans = List.copyOf(spans);
        }

        Reading(List<Found> found) {
            this(found, found.stream().map(Found::span).toList(), true);
        }

        Reading remembered() {
            return new Reading(found, spans, false);
        }
    }

    /** Remembers the spans {@code detector} finds for at most {@code capacity} texts. */
    public RecentDetections(Function<String, List<PhiSpan>> detector, int capacity) {
        this(
                capacity,
                text -> detector.apply(text).stream()
                        .map(span -> new Found(span, ""))
                        .toList());
        Objects.requireNonNull(detector, "detector");
    }

    /** Remembers the spans, with their recognizers, that the detector explains for at most {@code capacity} texts. */
    public static RecentDetections explaining(PhiDetector detector, int capacity) {
        Objects.requireNonNull(detector, "detector");
        return new RecentDetections(
                capacity,
                text -> detector.explain(text).stream()
                        .map(explained -> new Found(explained.span(), explained.recognizer()))
                        .toList());
    }

    private RecentDetections(int capacity, Function<String, List<Found>> detector) {
        this.detector = detector;
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Digest, Reading> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The spans of the text: remembered when it was seen recently, else detected and remembered. */
    public List<PhiSpan> detect(String text) {
        return read(text).spans();
    }

    /** The text's spans with their recognizers, and whether it was read now for the first time. */
    public Reading read(String text) {
        Digest key = Digest.of(text);
        synchronized (recent) {
            Reading known = recent.get(key);
            if (known != null) {
                return known.remembered();
            }
        }
        Reading first = new Reading(detector.apply(text));
        synchronized (recent) {
            recent.put(key, first);
        }
        return first;
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
