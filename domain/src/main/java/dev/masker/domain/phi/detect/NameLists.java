package dev.masker.domain.phi.detect;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Given names and surnames a name candidate is checked against, and the everyday English words that make a listed name
 * ambiguous ("joy", "will"), all lower case. The bundled lists come from the 1990 US Census name files, name lists of
 * many populations and SUBTLEX-US (see the README beside them).
 */
public record NameLists(Set<String> firstNames, Set<String> surnames, Set<String> commonWords) {
    public NameLists {
        firstNames = Set.copyOf(Objects.requireNonNull(firstNames, "firstNames"));
        surnames = Set.copyOf(Objects.requireNonNull(surnames, "surnames"));
        commonWords = Set.copyOf(Objects.requireNonNull(commonWords, "commonWords"));
    }

    /**
     * The lists shipped with Masker as resources of this package: the US census lists, and the given names, surnames
     * and name parts of many populations, Chinese and Korean ones romanized (see the README beside them), all in
     * lower-case ASCII letters.
     */
    public static NameLists bundled() {
        Set<String> first = read("first-names.txt");
        first.addAll(read("world-first-names.txt"));
        Set<String> last = read("surnames.txt");
        last.addAll(read("world-surnames.txt"));
        first.addAll(read("romanized-first-names.txt"));
        last.addAll(read("romanized-surnames.txt"));
        Set<String> parts = read("world-name-parts.txt");
        first.addAll(parts);
        last.addAll(parts);
        return new NameLists(first, last, EverydayWords.WORDS);
    }

    /** Whether the word (any case, with or without diacritics) is a known given name. */
    public boolean isFirstName(String word) {
        return firstNames.contains(key(word));
    }

    /** Whether the word (any case, with or without diacritics) is a known surname. */
    public boolean isSurname(String word) {
        return surnames.contains(key(word));
    }

    /** Whether the word, or each part of a hyphenated one ("Puga-Haro"), is a known given name or surname. */
    public boolean isNameOrNameParts(String word) {
        if (isFirstName(word) || isSurname(word)) {
            return true;
        }
        String[] parts = word.split("[-’']");
        for (String part : parts) {
            if (!isFirstName(part) && !isSurname(part)) {
                return false;
            }
        }
        return parts.length > 1;
    }

    /** Whether the word (any case) is an everyday spoken English word, so a list alone cannot make it a name. */
    public boolean isCommonWord(String word) {
        return commonWords.contains(key(word));
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
