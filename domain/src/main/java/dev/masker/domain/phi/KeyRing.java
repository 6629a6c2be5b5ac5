package dev.masker.domain.phi;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The secret keys tokens are made with, by kid: each kid has a current key (32 bytes) that makes new tokens and, while
 * keys are being rotated, an old one that still opens what the current key did not make. Never printed.
 */
public final class KeyRing {
    /** Every key is this many bytes (256 bits). */
    public static final int KEY_BYTES = 32;

    private final Map<Kid, Keys> keys;

    /** One kid's keys: the current one and, during rotation, the old one. */
    public record Keys(byte[] current, Optional<byte[]> old) {
        public Keys {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(old, "old");
            if (current.length != KEY_BYTES
                    || old.filter(key -> key.length != KEY_BYTES).isPresent()) {
                throw new IllegalArgumentException("a token key is exactly " + KEY_BYTES + " bytes");
            }
            current = current.clone();
            old = old.map(byte[]::clone);
        }

        /** The current key, then the old one if there is one: the order in which to try opening. */
        public List<byte[]> newestFirst() {
            return old.map(previous -> List.of(current.clone(), previous.clone()))
                    .orElseGet(() -> List.of(current.clone()));
        }

        @Override
        public byte[] current() {
            return current.clone();
        }

        @Override
        public Optional<byte[]> old() {
            return old.map(byte[]::clone);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Keys keys
                    && Arrays.equals(current, keys.current)
                    && old.isPresent() == keys.old.isPresent()
                    && (old.isEmpty() || Arrays.equals(old.get(), keys.old.get()));
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(current);
        }

        @Override
        public String toString() {
            return "Keys[current=<hidden>, old=" + (old.isPresent() ? "<hidden>" : "none") + "]";
        }
    }

    private KeyRing(Map<Kid, Keys> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** A ring holding exactly these kids' keys. */
    public static KeyRing of(Map<Kid, Keys> keys) {
        return new KeyRing(keys);
    }

    /** The kid's keys, or empty when the ring has none for it. */
    public Optional<Keys> keys(Kid kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    /**
     * The kid's keys.
     *
     * @throws IllegalStateException when the ring has no key for the kid (startup checks every policy's kid first)
     */
    public Keys require(Kid kid) {
        Keys found = keys.get(kid);
        if (found == null) {
            throw new IllegalStateException("no key is configured for kid " + kid + " (" + kid.keyVariable() + ")");
        }
        return found;
    }

    /** The kids the ring holds keys for. */
    public Set<Kid> kids() {
        return keys.keySet();
    }

    /** Those of the needed kids that the ring has no key for, in the order given. */
    public List<Kid> missing(Collection<Kid> needed) {
        return needed.stream().filter(kid -> !keys.containsKey(kid)).distinct().toList();
    }

    @Override
    public String toString() {
        return "KeyRing" + keys.keySet();
    }
}
