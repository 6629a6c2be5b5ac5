package dev.masker.domain.phi.detect;

import java.util.List;

/** The ICAO spelling alphabet, as callers and agents say it ("S as in Sierra", "victor papa seven four"). */
final class SpellingAlphabet {
    /** The words, lower case, each standing for its first letter. */
    static final List<String> WORDS = List.of(
            "alfa",
            "alpha",
            "bravo",
            "charlie",
            "delta",
            "echo",
            "foxtrot",
            "golf",
            "hotel",
            "india",
            "juliet",
            "juliett",
            "kilo",
            "lima",
            "mike",
            "november",
            "oscar",
            "papa",
            "quebec",
            "romeo",
            "sierra",
            "tango",
            "uniform",
            "victor",
            "whiskey",
            "whisky",
            "x-ray",
            "xray",
            "yankee",
            "zulu");

    private static final AsciiWordSet SET = new AsciiWordSet(WORDS);

    private SpellingAlphabet() {}

    /** Whether the lower-case word is a spelling-alphabet word. */
    static boolean contains(String lower) {
        return SET.containsLetters(lower, 0, lower.length());
    }

    /** Whether {@code text[start, end)}, ASCII letters in any case, is a spelling-alphabet word. */
    static boolean containsLetters(String text, int start, int end) {
        return SET.containsLetters(text, start, end);
    }

    /** Whether the word that ends just before {@code at} (after blanks or one comma) is a spelling-alphabet word. */
    static boolean wordBefore(String text, int at) {
        int end = at;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == ',')) {
            end--;
        }
        int start = end;
        while (start > 0 && RegexText.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return end > start && end < at && SET.containsLetters(text, start, end);
    }
}
