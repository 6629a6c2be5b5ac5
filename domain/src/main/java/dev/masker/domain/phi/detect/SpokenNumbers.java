package dev.masker.domain.phi.detect;

import java.util.ArrayList;
import java.util.List;

/** How many characters a spoken number word stands for in a digit string ("double five" is two, "twenty" two). */
final class SpokenNumbers {
    /** The number words that can be part of a spoken identifier. */
    static final List<String> WORDS = List.of(
            "zero",
            "oh",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand");

    /** Regex alternation of the words above plus the repeaters, longest first so "seventeen" wins over "seven". */
    static final String WORD =
            "(?:seventeen|thirteen|fourteen|fifteen|sixteen|eighteen|nineteen|thousand|hundred|seventy"
                    + "|twenty|thirty|eleven|twelve|ninety|eighty|double|triple|forty|fifty|sixty|three|seven|eight|zero|four"
                    + "|five|nine|one|two|six|ten|oh)";

    private SpokenNumbers() {}

    /** Whether the lower-case word is a number word or a repeater ("double", "triple"). */
    static boolean isNumberWord(String lower) {
        return digits(lower) > 0 || isRepeater(lower);
    }

    /** The number words and the repeaters, for {@link #isNumberWordAt}; with "dash", for {@link #isNumberWordOrDash}. */
    private static final AsciiWordSet WORDS_IN_PLACE = withWords("double", "triple");

    private static final AsciiWordSet WORDS_AND_DASH = withWords("double", "triple", "dash");

    private static AsciiWordSet withWords(String... more) {
        List<String> all = new ArrayList<>(WORDS);
        all.addAll(List.of(more));
        return new AsciiWordSet(all);
    }

    /** Whether {@code text[start, end)}, ASCII letters in any case, is a number word or a repeater, told in place. */
    static boolean isNumberWordAt(String text, int start, int end) {
        return WORDS_IN_PLACE.containsLetters(text, start, end);
    }

    /**
     * Whether {@code text[start, end)}, ASCII letters in any case, is a number word, a repeater or "dash": what
     * lower-casing it and asking {@link #isNumberWord} or comparing it with "dash" tell, without the copy.
     */
    static boolean isNumberWordOrDash(String text, int start, int end) {
        return WORDS_AND_DASH.containsLetters(text, start, end);
    }

    /**
     * The digits of words said one digit at a time ("four", "oh", "double five", "3"), or null when a word says more than
     * one digit ("forty") or is no number at all.
     */
    static String digitByDigit(List<String> lowerWords) {
        StringBuilder digits = new StringBuilder(lowerWords.size());
        int times = 1;
        for (String word : lowerWords) {
            if (isRepeater(word)) {
                times = word.equals("double") ? 2 : 3;
                continue;
            }
            String written = switch (word) {
                case "zero", "oh" -> "0";
                case "one" -> "1";
                case "two" -> "2";
                case "three" -> "3";
                case "four" -> "4";
                case "five" -> "5";
                case "six" -> "6";
                case "seven" -> "7";
                case "eight" -> "8";
                case "nine" -> "9";
                default -> word.chars().allMatch(c -> c >= '0' && c <= '9') ? word : null;
            };
            if (written == null || written.isEmpty()) {
                return null;
            }
            digits.append(written.repeat(times));
            times = 1;
        }
        return digits.toString();
    }

    static boolean isRepeater(String lower) {
        return lower.equals("double") || lower.equals("triple");
    }

    static boolean isTens(String lower) {
        return lower.endsWith("ty");
    }

    static boolean isUnit(String lower) {
        return digits(lower) == 1 && !lower.equals("oh") && !lower.equals("zero");
    }

    /** The digits a number word adds (0 for a repeater, which multiplies the next word instead). */
    static int digits(String lower) {
        return switch (lower) {
            case "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine" -> 1;
            case "ten",
                    "eleven",
                    "twelve",
                    "thirteen",
                    "fourteen",
                    "fifteen",
                    "sixteen",
                    "seventeen",
                    "eighteen",
                    "nineteen",
                    "twenty",
                    "thirty",
                    "forty",
                    "fifty",
                    "sixty",
                    "seventy",
                    "eighty",
                    "ninety",
                    "hundred" -> 2;
            case "thousand" -> 3;
            default -> 0;
        };
    }
}
