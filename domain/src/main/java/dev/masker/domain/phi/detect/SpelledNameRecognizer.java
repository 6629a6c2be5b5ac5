package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Finds names spelled out letter by letter: "J-A-N-E", "S as in Sam, M, I, T, H", "E for Echo, L, E", "sierra india
 * lima", "E.S.P.I.N.O.S.A, dash, F.I.G.U.E.R.O.A", and "j a n e" after a cue to spell. Whatever is spelled in a call
 * is an identifier of some kind, so a run that is unmistakably spelling is masked without a cue.
 */
final class SpelledNameRecognizer {
    private SpelledNameRecognizer() {}

    // The characters each pattern's matches can start with (its case-insensitive letters in both cases).
    private static final StartFilter.FirstChars LETTERS = StartFilter.FirstChars.of(TextScan.ASCII_LETTERS, false);

    private static final Pattern SPELLED_DASHED = Pattern.compile(
            "(?<![\\w-])[A-Za-z](?:-[A-Za-z]){2,}(?:,? (?:dash|hyphen|apostrophe|space),? [A-Za-z](?:-[A-Za-z])+)*(?![\\w-])");
    private static final Pattern SPELLED_SPACED = Pattern.compile("(?<![\\w-])[A-Za-z](?:,? [A-Za-z]){2,}(?![\\w-])");
    private static final Pattern SPELLED_AS_IN = Pattern.compile(
            "\\b[A-Za-z] as in [A-Za-z]+(?:,? (?:[A-Za-z](?: as in [A-Za-z]+)?|apostrophe|dash|hyphen|space)\\b)+"
                    + "|\\b[A-Za-z](?:, (?:apostrophe|dash|hyphen|[A-Za-z](?:-[A-Za-z])*))+\\b");
    private static final Pattern SPELL_CONTEXT = Pattern.compile(
            "(?:spell\\w*|spelling|name is|name|that's|that is|it's|it is|last name|first name)\\W{0,4}$",
            Pattern.CASE_INSENSITIVE);

    /** Words said between spelled letters for the marks of a name. */
    private static final AsciiWordSet SPELLED_MARKS =
            new AsciiWordSet(List.of("dash", "hyphen", "apostrophe", "space"));
    /** How many letters a dotted chain needs to be spelling by itself: "A.S.A.P." and "U.S.A." are not. */
    private static final int DOTTED_LETTERS = 5;

    /** One unit of a spelled run: where it lies, how many letters it spells, and whether it is spelling by itself. */
    private record Unit(int start, int end, int letters, boolean unmistakable, boolean mark) {}

    // ---------------------------------------------------------------- spelled names

    /** Each spelled form opens with {@code \\b} or {@code (?<![\\w-])} and a letter: at an ASCII word start. */
    static void spelledNames(String text, int[] wordStarts, Candidates out) {
        spelledRuns(text, out);
        // Every form starts with one ASCII letter followed by a hyphen, a space or a comma.
        Positions letters = new Positions();
        for (int at : wordStarts) {
            if (RegexText.isLetter(text.charAt(at))
                    && at + 1 < text.length()
                    && "- ,".indexOf(text.charAt(at + 1)) >= 0) {
                letters.add(at);
            }
        }
        int[] singleLetters = letters.toArray();
        for (MatchResult dashed : StartFilter.all(
                SPELLED_DASHED,
                text,
                singleLetters,
                LETTERS,
                at -> RegexText.isLetter(text.charAt(at)) && text.startsWith("-", at + 1))) {
            out.add(dashed.start(), dashed.end(), PhiKind.NAME, 81);
        }
        for (MatchResult asIn : StartFilter.all(
                SPELLED_AS_IN,
                text,
                singleLetters,
                LETTERS,
                at -> RegexText.isLetter(text.charAt(at))
                        && (text.startsWith(" as in ", at + 1) || text.startsWith(", ", at + 1)))) {
            if (asIn.group().length() >= 7) {
                out.add(asIn.start(), asIn.end(), PhiKind.NAME, 81);
            }
        }
        for (MatchResult spaced : StartFilter.all(
                SPELLED_SPACED,
                text,
                singleLetters,
                LETTERS,
                at -> RegexText.isLetter(text.charAt(at))
                        && (text.startsWith(" ", at + 1) || text.startsWith(",", at + 1)))) {
            String before = text.substring(Math.max(0, spaced.start() - 30), spaced.start());
            if (SPELL_CONTEXT.matcher(before).find()
                    && spaced.group().replace(",", "").replace(" ", "").length() >= 3) {
                out.add(spaced.start(), spaced.end(), PhiKind.NAME, 79);
            }
        }
    }

    /**
     * Runs of spelled units separated by blanks and commas: single letters, dotted or dashed letter chains, words of
     * the spelling alphabet, "E for Echo" and "E as in Echo", with "dash" or "apostrophe" between them. A run of three
     * letters or more is a name when it is unmistakably spelling (two alphabet words, a "for", a mark said aloud, or a
     * long dotted chain) or when a cue to spell comes before it.
     */
    private static void spelledRuns(String text, Candidates out) {
        if (!hasTwoUnitsInARow(text)) {
            return; // most turns: no two tokens that could spell side by side, so no run of three letters
        }
        List<int[]> tokens = tokens(text);
        int i = 0;
        while (i < tokens.size()) {
            List<Unit> run = new ArrayList<>();
            int j = i;
            while (j < tokens.size()) {
                Unit unit = unit(text, tokens, j);
                boolean markNeedsUnit = unit != null
                        && unit.mark()
                        && (run.isEmpty() || j + 1 >= tokens.size() || unit(text, tokens, j + 1) == null);
                if (unit == null
                        || markNeedsUnit
                        || !run.isEmpty() && !onlySeparators(text, run.getLast().end(), unit.start())) {
                    break;
                }
                run.add(unit);
                j = tokenAfter(tokens, unit.end(), j);
            }
            if (!run.isEmpty()) {
                addRun(text, run, out);
            }
            i = Math.max(j, i + 1);
        }
    }

    private static void addRun(String text, List<Unit> run, Candidates out) {
        int letters = 0;
        int alphabetWords = 0;
        boolean unmistakable = false;
        for (Unit unit : run) {
            letters += unit.letters();
            unmistakable |= unit.unmistakable() || unit.mark();
            alphabetWords +=
                    unit.letters() == 1 && unit.end() - unit.start() > 2 && !unit.unmistakable() && !unit.mark()
                            ? 1
                            : 0;
        }
        int start = run.getFirst().start();
        int end = run.getLast().end();
        String before = text.substring(Math.max(0, start - 30), start);
        if (letters >= 3
                && (unmistakable
                        || alphabetWords >= 2
                        || SPELL_CONTEXT.matcher(before).find())) {
            out.add(start, end, PhiKind.NAME, 82); // above the single-form patterns: a run holds several of them
        }
    }

    /** The unit starting at token {@code index}, or null when that token spells nothing. */
    private static Unit unit(String text, List<int[]> tokens, int index) {
        int start = tokens.get(index)[0];
        int end = text.charAt(tokens.get(index)[1] - 1) == '.' ? tokens.get(index)[1] - 1 : tokens.get(index)[1];
        if (end - start == 1 && RegexText.isLetter(text.charAt(start))) {
            Unit phonetic = phoneticUnit(text, tokens, index, Character.toLowerCase(text.charAt(start)));
            return phonetic != null ? phonetic : new Unit(start, end, 1, false, false);
        }
        if (!lettersOrMarks(text, start, end)) {
            return null;
        }
        if (SpellingAlphabet.containsLetters(text, start, end)) {
            return new Unit(start, end, 1, false, false);
        }
        if (SPELLED_MARKS.containsLetters(text, start, end)) {
            return new Unit(start, end, 0, false, true);
        }
        int letters = chainLetters(text, start, end);
        if (letters >= 2) {
            return new Unit(start, end, letters, text.charAt(start + 1) == '.' && letters >= DOTTED_LETTERS, false);
        }
        return null;
    }

    /** Whether [start, end) holds ASCII letters, dots and hyphens only. */
    private static boolean lettersOrMarks(String text, int start, int end) {
        for (int at = start; at < end; at++) {
            char c = text.charAt(at);
            if (!RegexText.isLetter(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** "E for Echo", "E like Echo" and "E as in Echo": the letter, then a word that starts with it. */
    private static Unit phoneticUnit(String text, List<int[]> tokens, int index, char letter) {
        int wordIndex;
        if (index + 2 < tokens.size()
                && (tokenIs(text, tokens.get(index + 1), "for") || tokenIs(text, tokens.get(index + 1), "like"))) {
            wordIndex = index + 2;
        } else if (index + 3 < tokens.size()
                && tokenIs(text, tokens.get(index + 1), "as")
                && tokenIs(text, tokens.get(index + 2), "in")) {
            wordIndex = index + 3;
        } else {
            return null;
        }
        int[] word = tokens.get(wordIndex);
        int wordEnd = text.charAt(word[1] - 1) == '.' ? word[1] - 1 : word[1];
        if (Character.toLowerCase(text.charAt(word[0])) != letter || wordEnd - word[0] < 2) {
            return null;
        }
        for (int i = index; i < wordIndex; i++) {
            if (!onlySeparators(text, tokens.get(i)[1], tokens.get(i + 1)[0], true)) {
                return null; // "E, for Echo" is no "E for Echo"
            }
        }
        return new Unit(tokens.get(index)[0], wordEnd, 1, true, false);
    }

    /** The letters of "J-A-N-E" or "R.E.N.A.T.A" (one letter between each mark), 0 when [start, end) is no such chain. */
    private static int chainLetters(String text, int start, int end) {
        int length = end - start;
        if (length < 3 || length % 2 == 0) {
            return 0;
        }
        char mark = text.charAt(start + 1);
        if (mark != '.' && mark != '-') {
            return 0;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(start + i);
            if (i % 2 == 0 ? !RegexText.isLetter(c) : c != mark) {
                return 0;
            }
        }
        return length / 2 + 1;
    }

    /**
     * Whether two tokens that may be spelled units stand side by side somewhere, or a letter chain stands anywhere: a
     * necessary condition for a run, told
     * in one walk without copying anything. A unit is a letter (perhaps with its full stop), a word that starts a chain
     * ("J-", "R."), a word of the spelling alphabet or a mark said aloud.
     */
    private static boolean hasTwoUnitsInARow(String text) {
        boolean previousUnit = false;
        for (int at = 0; at < text.length(); at++) {
            if (isSeparator(text.charAt(at))) {
                continue;
            }
            int end = at + 1;
            while (end < text.length() && !isSeparator(text.charAt(end))) {
                end++;
            }
            boolean unit = mayBeUnit(text, at, end);
            if (unit && (previousUnit || isChainStart(text, at, end))) {
                return true; // a chain ("E.S.P.I.N.O.S.A") may be a run by itself
            }
            previousUnit = unit;
            at = end;
        }
        return false;
    }

    private static boolean isChainStart(String text, int start, int end) {
        return end - start >= 3 && (text.charAt(start + 1) == '.' || text.charAt(start + 1) == '-');
    }

    private static boolean mayBeUnit(String text, int start, int end) {
        int coreEnd = end - start > 1 && text.charAt(end - 1) == '.' ? end - 1 : end;
        if (!RegexText.isLetter(text.charAt(start))) {
            return false;
        }
        if (coreEnd - start == 1
                || coreEnd - start >= 3 && (text.charAt(start + 1) == '.' || text.charAt(start + 1) == '-')) {
            return true;
        }
        return lettersOrMarks(text, start, coreEnd)
                && (SpellingAlphabet.containsLetters(text, start, coreEnd)
                        || SPELLED_MARKS.containsLetters(text, start, coreEnd));
    }

    /** The runs of characters that are no blank and no comma: [start, end) each. */
    private static List<int[]> tokens(String text) {
        List<int[]> tokens = new ArrayList<>();
        for (int at = 0; at < text.length(); at++) {
            if (!isSeparator(text.charAt(at))) {
                int end = at + 1;
                while (end < text.length() && !isSeparator(text.charAt(end))) {
                    end++;
                }
                tokens.add(new int[] {at, end});
                at = end;
            }
        }
        return tokens;
    }

    private static int tokenAfter(List<int[]> tokens, int end, int from) {
        int index = from;
        while (index < tokens.size() && tokens.get(index)[0] < end) {
            index++;
        }
        return index;
    }

    private static boolean tokenIs(String text, int[] token, String word) {
        return token[1] - token[0] == word.length() && text.regionMatches(true, token[0], word, 0, word.length());
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == ',' || c == '\t';
    }

    private static boolean onlySeparators(String text, int from, int to) {
        return onlySeparators(text, from, to, false);
    }

    /** Whether only blanks and commas (only blanks, when {@code blanksOnly}), and at least one, lie in [from, to). */
    private static boolean onlySeparators(String text, int from, int to, boolean blanksOnly) {
        if (to <= from) {
            return false;
        }
        for (int at = from; at < to; at++) {
            char c = text.charAt(at);
            if (!isSeparator(c) || blanksOnly && c == ',') {
                return false;
            }
        }
        return true;
    }
}
