package dev.masker.domain.phi.detect;

import java.util.List;

/**
 * The small lower-case words inside many surnames ("del Toro", "ten Eyck", "el Gamal", "van der Berg", "bin Laden"):
 * a name goes on over them.
 */
final class NameParticles {
    private NameParticles() {}

    /** The particles, lower case. */
    static final List<String> WORDS = List.of(
            "de", "del", "della", "di", "da", "dos", "das", "du", "van", "von", "der", "den", "ten", "ter", "le", "la",
            "el", "al", "bin", "ibn", "y");

    private static final AsciiWordSet SET = new AsciiWordSet(WORDS);

    /** Whether the lower-case word is a particle. */
    static boolean contains(String lower) {
        return SET.containsLetters(lower, 0, lower.length());
    }

    /**
     * Where the particle starting at {@code at} ends, when one does and a blank and a capital follow it; 0 otherwise.
     */
    static int endsBeforeCapital(String text, int at) {
        int end = at;
        while (end < text.length() && text.charAt(end) >= 'a' && text.charAt(end) <= 'z') {
            end++;
        }
        if (end == at
                || end + 1 >= text.length()
                || text.charAt(end) != ' '
                || !Character.isUpperCase(text.charAt(end + 1))
                || !SET.containsLetters(text, at, end)) {
            return 0;
        }
        return end;
    }
}
