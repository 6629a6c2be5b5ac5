package dev.masker.domain.phi.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A cue that must end the text just before a candidate ("name is", "my wife", "dr."): one of a set of phrases, in any
 * ASCII case, that starts a word ({@code \b}) and is followed by a short tail up to the end of the window. The rule is
 * what a regex {@code (?:\bphrase|...)TAIL$}, case-insensitive, finds in the window; it is told by comparing the
 * phrases that can end just before each possible tail, in place, from their last character backwards.
 */
final class TrailingCue {
    /** The phrases, lower case, by their last character (all are ASCII). */
    private final String[][] byLastChar = new String[128][];
    /** For each phrase of {@link #byLastChar}, its last {@link #SUFFIX_CHARS} characters packed by {@link #suffix}. */
    private final long[][] suffixes = new long[128][];
    /** For each phrase of {@link #byLastChar}, the bits of {@link #suffixes} its characters fill (a short one fills fewer). */
    private final long[][] suffixMasks = new long[128][];
    /** The run of letters each phrase ends with, but for its punctuation: the window's last word must be one. */
    private final AsciiWordSet lastWords;

    private final Tail tail;

    /** What may follow the phrase up to the end of the window. */
    private enum Tail {
        /**
         * {@code \W{0,3}}: up to three characters that are no ASCII letter, digit or underscore, and none of them a
         * full stop, ? or ! (a cue does not reach past its sentence).
         */
        NON_WORD_CHARS,
        /** {@code \s}: exactly one blank. */
        ONE_BLANK,
        /** {@code \s*}, matching the window whole: any number of blanks and no final line terminator besides. */
        BLANKS
    }

    private TrailingCue(Collection<String> phrases, Tail tail) {
        this.tail = tail;
        List<List<String>> buckets = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            buckets.add(new ArrayList<>());
        }
        for (String phrase : phrases) {
            for (int i = 0; i < phrase.length(); i++) {
                char c = phrase.charAt(i);
                if (c >= 128 || c >= 'A' && c <= 'Z') {
                    throw new IllegalArgumentException("a cue phrase is lower-case ASCII");
                }
            }
            if (phrase.isEmpty() || !RegexText.isLetter(phrase.charAt(0))) {
                throw new IllegalArgumentException("a cue phrase starts with a letter");
            }
            List<String> bucket = buckets.get(phrase.charAt(phrase.length() - 1));
            if (!bucket.contains(phrase)) {
                bucket.add(phrase);
            }
        }
        for (int c = 0; c < 128; c++) {
            byLastChar[c] = buckets.get(c).toArray(String[]::new);
            suffixes[c] = new long[byLastChar[c].length];
            suffixMasks[c] = new long[byLastChar[c].length];
            for (int p = 0; p < byLastChar[c].length; p++) {
                String phrase = byLastChar[c][p];
                suffixes[c][p] = suffix(phrase, phrase.length());
                suffixMasks[c][p] = -1L >>> 16 * Math.max(0, SUFFIX_CHARS - phrase.length());
            }
        }
        this.lastWords =
                new AsciiWordSet(phrases.stream().map(TrailingCue::lastWord).toList());
    }

    private static String lastWord(String phrase) {
        int end = phrase.length();
        while (end > 0 && !RegexText.isLetter(phrase.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && RegexText.isLetter(phrase.charAt(start - 1))) {
            start--;
        }
        return phrase.substring(start, end);
    }

    /**
     * The phrases followed by at most three characters that are no ASCII word characters ({@code \W{0,3}$}) and end no
     * sentence.
     */
    static TrailingCue thenNonWordChars(Collection<String> phrases) {
        return new TrailingCue(phrases, Tail.NON_WORD_CHARS);
    }

    /** The phrases followed by exactly one blank ({@code \s$}). */
    static TrailingCue thenOneBlank(Collection<String> phrases) {
        return new TrailingCue(phrases, Tail.ONE_BLANK);
    }

    /**
     * The phrases followed by any number of blanks, up to the very end: what {@code (?s).*\b(?:phrase|...)\s*} tells
     * matching the whole window (U+2028 and the other line terminators that are no blanks are not skipped).
     */
    static TrailingCue thenBlanks(Collection<String> phrases) {
        return new TrailingCue(phrases, Tail.BLANKS);
    }

    /**
     * The phrases written with optional parts in brackets, expanded: {@code "patient[ is]"} is "patient" and
     * "patient is"; several brackets give every combination. Brackets do not nest.
     */
    static List<String> phrases(String... written) {
        List<String> all = new ArrayList<>();
        for (String phrase : written) {
            expand(phrase, "", all);
        }
        return all;
    }

    private static void expand(String rest, String prefix, List<String> out) {
        int open = rest.indexOf('[');
        if (open < 0) {
            out.add(prefix + rest);
            return;
        }
        int close = rest.indexOf(']', open);
        String before = prefix + rest.substring(0, open);
        String after = rest.substring(close + 1);
        expand(after, before, out);
        expand(after, before + rest.substring(open + 1, close), out);
    }

    /** Every phrase of {@code stems} followed by each of {@code endings}. */
    static List<String> withEndings(Collection<String> stems, String... endings) {
        List<String> all = new ArrayList<>();
        for (String stem : stems) {
            for (String ending : endings) {
                all.add(stem + ending);
            }
        }
        return all;
    }

    /**
     * Whether the cue ends {@code text[from, to)}: a phrase starting a word there, then the tail, then the window's end
     * or a line terminator that ends it ({@code $} matches before a final line terminator too).
     */
    boolean endsWindow(String text, int from, int to) {
        if (!mayEndWindow(text, from, to)) {
            return false;
        }
        if (endsBefore(text, from, to)) {
            return true;
        }
        int terminator = tail == Tail.BLANKS ? 0 : RegexText.finalLineTerminator(text, from, to);
        return terminator > 0 && endsBefore(text, from, to - terminator);
    }

    /**
     * A necessary condition, told in place: the window's last run of ASCII letters, after which it holds no ASCII word
     * character, is a word some phrase ends with. Every tail and every phrase's own punctuation is free of word
     * characters, and a phrase starts a word, so its last letters are that whole run.
     */
    private boolean mayEndWindow(String text, int from, int to) {
        int end = to;
        while (end > from && !RegexText.isWordChar(text.charAt(end - 1))) {
            end--;
        }
        if (end == from || !RegexText.isLetter(text.charAt(end - 1))) {
            return false;
        }
        int start = end - 1;
        while (start > from && RegexText.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return lastWords.containsLetters(text, start, end);
    }

    private boolean endsBefore(String text, int from, int to) {
        if (tail == Tail.ONE_BLANK) {
            return to - 1 >= from && RegexText.isBlank(text.charAt(to - 1)) && phraseEndsAt(text, from, to - 1);
        }
        if (tail == Tail.BLANKS) {
            int end = to;
            while (end > from && RegexText.isBlank(text.charAt(end - 1))) {
                end--;
            }
            return phraseEndsAt(text, from, end);
        }
        int end = to;
        for (int tailLength = 0; ; tailLength++) { // in code points, as the regex counts them
            if (phraseEndsAt(text, from, end)) {
                return true;
            }
            char tailChar = end > from ? text.charAt(end - 1) : 'x';
            if (tailLength == 3 || end == from || RegexText.isWordChar(tailChar)) {
                return false; // the tail holds no word character
            }
            if (tailChar == '.' || tailChar == '!' || tailChar == '?') {
                return false; // nor a sentence's end: "the patient. House rules" cues nothing
            }
            boolean pair = end - 2 >= from
                    && Character.isLowSurrogate(text.charAt(end - 1))
                    && Character.isHighSurrogate(text.charAt(end - 2));
            end -= pair ? 2 : 1;
        }
    }

    /** How many characters before a phrase's end {@link #suffix} packs: four of 16 bits. */
    private static final int SUFFIX_CHARS = 4;

    /**
     * The {@link #SUFFIX_CHARS} characters before {@code end} (the last in the low bits, 0 before the text's start), each
     * folded as {@link RegexText#regionMatchesIgnoringCase} compares them: an ASCII capital as its small letter. A
     * phrase's characters are lower case, so its packed suffix equals the text's exactly where those characters match:
     * one comparison rules out most phrases of a bucket (the many cues ending in " is") before any is compared whole.
     */
    private static long suffix(String text, int end) {
        long packed = 0;
        for (int k = 0; k < SUFFIX_CHARS && end - 1 - k >= 0; k++) {
            char c = text.charAt(end - 1 - k);
            packed |= (long) (c >= 'A' && c <= 'Z' ? c | 0x20 : c) << 16 * k;
        }
        return packed;
    }

    private boolean phraseEndsAt(String text, int from, int end) {
        if (end <= from) {
            return false;
        }
        char last = text.charAt(end - 1);
        if (last >= 128) {
            return false;
        }
        int bucket = last >= 'A' && last <= 'Z' ? last | 0x20 : last;
        String[] phrases = byLastChar[bucket];
        if (phrases.length == 0) {
            return false;
        }
        long suffix = suffix(text, end);
        for (int p = 0; p < phrases.length; p++) {
            String phrase = phrases[p];
            int start = end - phrase.length();
            if (start >= from
                    && (suffix & suffixMasks[bucket][p]) == suffixes[bucket][p]
                    && RegexText.regionMatchesIgnoringCase(text, start, phrase)
                    && RegexText.isBoundary(text, start, from, end)) {
                return true;
            }
        }
        return false;
    }
}
