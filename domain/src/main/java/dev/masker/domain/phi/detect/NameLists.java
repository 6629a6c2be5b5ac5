package dev.masker.domain.phi.detect;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Given names and surnames a name candidate is checked against, lower case. The bundled lists come from the
 * 1990 US Census name files (see the README beside them): public-domain government data.
 */
public record NameLists(Set<String> firstNames, Set<String> surnames) {
    public NameLists {
        firstNames = Set.copyOf(Objects.requireNonNull(firstNames, "firstNames"));
        surnames = Set.copyOf(Objects.requireNonNull(surnames, "surnames"));
    }

    /**
     * The lists shipped with Masker as resources of this package: the US census lists, and the given names, surnames
     * and name parts of many populations (see the README beside them), all in lower-case ASCII letters.
     */
    public static NameLists bundled() {
        Set<String> first = read("first-names.txt");
        first.addAll(read("world-first-names.txt"));
        Set<String> last = read("surnames.txt");
        last.addAll(read("world-surnames.txt"));
        Set<String> parts = read("world-name-parts.txt");
        first.addAll(parts);
        last.addAll(parts);
        return new NameLists(first, last);
    }

    /** Whether the word (any case, with or without diacritics) is a known given name. */
    public boolean isFirstName(String word) {
        return firstNames.contains(key(word));
    }

    /** Whether the word (any case, with or without diacritics) is a known surname. */
    public boolean isSurname(String word) {
        return surnames.contains(key(word));
    }

    /** The word as the lists hold it: lower case, and its letters without diacritics ("Červinková" is "cervinkova"). */
    private static String key(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) >= 0x80) {
                return NormalizedText.foldLetters(lower);
            }
        }
        return lower;
    }

    private static Set<String> read(String resource) {
        return WordListResource.read(resource);
    }
}
