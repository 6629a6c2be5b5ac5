package dev.masker.domain.phi.detect;

import java.util.Map;

/** How many characters a spoken number word stands for in a digit string ("double five" is two, "twenty" two). */
final class SpokenNumbers {
    /** The number words that can be part of a spoken identifier, with the digits each adds. */
    private static final Map<String, Integer> DIGITS = Map.ofEntries(
            Map.entry("zero", 1), Map.entry("oh", 1), Map.entry("one", 1), Map.entry("two", 1), Map.entry("three", 1),
            Map.entry("four", 1), Map.entry("five", 1), Map.entry("six", 1), Map.entry("seven", 1), Map.entry("eight", 1),
            Map.entry("nine", 1), Map.entry("ten", 2), Map.entry("eleven", 2), Map.entry("twelve", 2),
            Map.entry("thirteen", 2), Map.entry("fourteen", 2), Map.entry("fifteen", 2), Map.entry("sixteen", 2),
            Map.entry("seventeen", 2), Map.entry("eighteen", 2), Map.entry("nineteen", 2), Map.entry("twenty", 2),
            Map.entry("thirty", 2), Map.entry("forty", 2), Map.entry("fifty", 2), Map.entry("sixty", 2),
            Map.entry("seventy", 2), Map.entry("eighty", 2), Map.entry("ninety", 2), Map.entry("hundred", 2),
            Map.entry("thousand", 3));

    /** Regex alternation of the words above plus the repeaters, longest first so "seventeen" wins over "seven". */
    static final String WORD = "(?:seventeen|thirteen|fourteen|fifteen|sixteen|eighteen|nineteen|thousand|hundred|seventy"
            + "|twenty|thirty|eleven|twelve|ninety|eighty|double|triple|forty|fifty|sixty|three|seven|eight|zero|four"
            + "|five|nine|one|two|six|ten|oh)";

    private SpokenNumbers() {
    }

    /** Whether the lower-case word is a number word or a repeater ("double", "triple"). */
    static boolean isNumberWord(String lower) {
        return DIGITS.containsKey(lower) || isRepeater(lower);
    }

    /** The number words, the repeaters and "dash" by length, for {@link #isNumberWordOrDash}. */
    private static final String[][] BY_LENGTH = byLength();

    private static String[][] byLength() {
        java.util.List<String> all = new java.util.ArrayList<>(DIGITS.keySet());
        all.addAll(java.util.List.of("double", "triple", "dash"));
        String[][] byLength = new String[10][];
        for (int length = 0; length < byLength.length; length++) {
            int n = length;
            byLength[length] = all.stream().filter(w -> w.length() == n).toArray(String[]::new);
        }
        return byLength;
    }

    /**
     * Whether {@code text[start, end)}, ASCII letters in any case, is a number word, a repeater or "dash": what
     * lower-casing it and asking {@link #isNumberWord} or comparing it with "dash" tell, without the copy.
     */
    static boolean isNumberWordOrDash(String text, int start, int end) {
        int length = end - start;
        if (length >= BY_LENGTH.length) {
            return false;
        }
        for (String word : BY_LENGTH[length]) {
            if (text.regionMatches(true, start, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    static boolean isRepeater(String lower) {
        return lower.equals("double") || lower.equals("triple");
    }

    static boolean isTens(String lower) {
        return lower.endsWith("ty");
    }

    static boolean isUnit(String lower) {
        return DIGITS.getOrDefault(lower, 0) == 1 && !lower.equals("oh") && !lower.equals("zero");
    }

    /** The digits a number word adds (0 for a repeater, which multiplies the next word instead). */
    static int digits(String lower) {
        return DIGITS.getOrDefault(lower, 0);
    }
}
