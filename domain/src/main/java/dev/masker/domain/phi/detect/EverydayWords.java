package dev.masker.domain.phi.detect;

import java.util.Locale;
import java.util.Set;

/**
 * The everyday spoken English words of {@code common-words.txt} (SUBTLEX-US; see the README beside it), lower case:
 * words that a list of names or places alone can never make an identifier ("thanks" after an address is no town).
 */
final class EverydayWords {
    private EverydayWords() {}

    static final Set<String> WORDS = Set.copyOf(WordListResource.read("common-words.txt"));

    /**
     * Whether each blank-separated word of {@code words} (any case, ASCII) is an everyday word, or one of the words
     * that open sentences and so are capitalized in subtitles ("thanks", "okay"), which the name rules never take.
     */
    /** Whether any of the blank-separated words (any case) is an everyday word or a word that never names anyone. */
    static boolean anyEveryday(String words) {
        for (String word : words.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (WORDS.contains(word) || NameRecognizer.NOT_NAMES.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static boolean allEveryday(String words) {
        for (String word : words.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!WORDS.contains(word) && !NameRecognizer.NOT_NAMES.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
