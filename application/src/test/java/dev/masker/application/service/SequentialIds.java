package dev.masker.application.service;

import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.domain.id.Ulid;

/** ULIDs 00000000000000000000000001, ...02, and so on: predictable ids for assertions. */
final class SequentialIds implements IdGeneratorPort {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private long next = 1;

    @Override
    public Ulid next() {
        long value = next++;
        char[] text = "00000000000000000000000000".toCharArray();
        for (int i = text.length - 1; i >= 0 && value > 0; i--) {
            text[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new Ulid(new String(text));
    }
}
