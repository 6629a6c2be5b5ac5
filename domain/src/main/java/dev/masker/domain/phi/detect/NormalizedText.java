package dev.masker.domain.phi.detect;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The turn written the way the recognizers read it, with each character's place in the original: one view in which
 * every written-form recognizer also catches the spoken and the structured forms, instead of a second rule per kind.
 * <ul>
 *   <li><b>Letters</b>: a letter with diacritics is its base letter ({@code Červinková} reads {@code Cervinkova}), so
 *       the ASCII word tests and the census lists see accented names whole.</li>
 *   <li><b>Structure</b>: the punctuation of JSON, query strings, HL7 and CSV that glues a value to its key or to the
 *       next field ({@code "}, braces, {@code |}, {@code ^}, {@code =}, {@code &}, a comma between two words, the colon
 *       after a quoted key, an underscore inside a key) is a blank, so {@code {"phone":"415-555-0132"}} reads
 *       {@code   phone   415-555-0132  } and the key is the value's context word.</li>
 *   <li><b>Spoken numbers</b> (inverse text normalization): a run of number words is its digits, read as a speaker
 *       reads an identifier, group by group ({@code six twenty-one} is {@code 621}, {@code oh seven} is {@code 07},
 *       {@code double five} is {@code 55}, {@code two thousand five} is {@code 2005}); after a month the year is its own
 *       group ({@code july sixteen nineteen sixty nine} is {@code july 16 1969}).</li>
 *   <li><b>Spoken symbols</b> between two number runs: {@code point}, {@code dot}, {@code period} are {@code .};
 *       {@code dash}, {@code hyphen} are {@code -}; {@code slash} is {@code /}; {@code underscore} is {@code _}
 *       ({@code twelve slash thirteen slash eighty seven} is {@code 12/13/87}).</li>
 *   <li><b>Spoken e-mail addresses</b>: {@code c period corona at sign i cloud dot com} is {@code c.corona@icloud.com},
 *       when the words after {@code at} end in a top-level domain.</li>
 *   <li><b>Letters said "as in" a word</b>: {@code W as in william} is {@code W}.</li>
 * </ul>
 * Lengths change only where spoken words are written: every character of a written piece maps back to the whole
 * original stretch it stands for, so a span found here covers, in the original, every word it was made from.
 */
final class NormalizedText {
    private final String text;
    private final int[] originalStart;
    private final int[] originalEnd;
    private final boolean changed;

    private NormalizedText(String text, int[] originalStart, int[] originalEnd, boolean changed) {
        this.text = text;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
        this.changed = changed;
    }

    /** The normalized text. */
    String text() {
        return text;
    }

    /** Whether the view differs from the original at all: when it does not, nothing more can be found in it. */
    boolean changed() {
        return changed;
    }

    /** Where, in the original, the character at {@code start} of this view comes from. */
    int originalStart(int start) {
        return originalStart[start];
    }

    /** Where, in the original, the stretch that the view's {@code [.., end)} was written from ends. */
    int originalEnd(int end) {
        return originalEnd[end - 1];
    }

    // ---------------------------------------------------------------- building the view

    /** How far before a change the view reaches: the context words the recognizers read stand within this. */
    private static final int CONTEXT_BEFORE = 70;
    /** A line this short around a change is read whole: a voice turn, a line of a form. */
    private static final int SHORT_LINE = 400;
    /** How far after a change the view reaches (birth words after a date, "social" after a number). */
    private static final int CONTEXT_AFTER = 45;

    /**
     * The normalized view of the text. Only the stretches around what changed, with their context, are in it (each
     * ended by a line break that stands for nothing in the original): reading the rest again could find nothing new.
     */
    static NormalizedText of(String original) {
        char[] base = foldedAndUnglued(original);
        List<Replacement> replacements = new SpokenForms(new String(base)).replacements();
        Positions windows = windows(original, base, replacements);
        if (windows.size() == 0) {
            return new NormalizedText("", new int[0], new int[0], false);
        }
        int[] bounds = windows.toArray();
        StringBuilder out = new StringBuilder();
        Positions starts = new Positions();
        Positions ends = new Positions();
        int next = 0; // the next replacement not yet written
        for (int w = 0; w < bounds.length; w += 2) {
            int at = bounds[w];
            int end = bounds[w + 1];
            while (next < replacements.size() && replacements.get(next).end() <= at) {
                next++;
            }
            while (at < end) {
                Replacement r = next < replacements.size() ? replacements.get(next) : null;
                if (r != null && r.start() == at) {
                    for (int i = 0; i < r.written().length(); i++) {
                        out.append(r.written().charAt(i));
                        starts.add(r.start());
                        ends.add(r.end());
                    }
                    at = r.end();
                    next++;
                } else {
                    // The characters up to the next replacement or the window's end, written as one run.
                    int runEnd = r != null && r.start() > at && r.start() < end ? r.start() : end;
                    out.append(base, at, runEnd - at);
                    starts.addSequence(at, runEnd);
                    ends.addSequence(at + 1, runEnd + 1);
                    at = runEnd;
                }
            }
            out.append('\n');
            starts.add(end);
            ends.add(end);
        }
        return new NormalizedText(out.toString(), starts.toArray(), ends.toArray(), true);
    }

    /**
     * The stretches of the original the view holds, as ascending {@code start, end} pairs that never overlap: the
     * changes, each with its context, from a blank (or the line's start) to a blank (or the line's end), never cutting
     * a replacement. Changes close enough to share context are one stretch, so each stretch's context is found once.
     */
    private static Positions windows(String original, char[] base, List<Replacement> replacements) {
        Positions windows = new Positions();
        int r = 0;
        int i = 0;
        int stretchStart = -1;
        int stretchEnd = -1;
        while (true) {
            // The next change: a replacement, or a character folded or unglued (base differs from the original there).
            while (i < base.length
                    && base[i] == original.charAt(i)
                    && (r >= replacements.size() || replacements.get(r).start() > i)) {
                i++;
            }
            int start;
            int end;
            if (r < replacements.size() && replacements.get(r).start() <= i) {
                start = replacements.get(r).start();
                end = replacements.get(r).end();
                r++;
            } else if (i < base.length) {
                start = i;
                end = i + 1;
            } else {
                break;
            }
            i = Math.max(i + 1, end);
            if (stretchEnd >= 0 && start <= stretchEnd + CONTEXT_BEFORE + CONTEXT_AFTER) {
                stretchEnd = Math.max(stretchEnd, end);
                continue;
            }
            if (stretchEnd >= 0) {
                addWindow(windows, original, stretchStart, stretchEnd);
            }
            stretchStart = start;
            stretchEnd = end;
        }
        if (stretchEnd >= 0) {
            addWindow(windows, original, stretchStart, stretchEnd);
        }
        return snapToReplacements(windows, replacements);
    }

    /** Adds the stretch with its context, merged with the last window when they meet. */
    private static void addWindow(Positions windows, String original, int changeStart, int changeEnd) {
        int start = contextStart(original, changeStart);
        int end = contextEnd(original, changeEnd);
        int last = windows.size() - 1;
        if (last > 0 && start <= windows.get(last)) {
            windows.set(last, Math.max(end, windows.get(last)));
        } else {
            windows.add(start);
            windows.add(end);
        }
    }

    /** Widens each window so that no replacement is cut by it, merging windows that then meet; both lists ascend. */
    private static Positions snapToReplacements(Positions windows, List<Replacement> replacements) {
        int[] w = windows.toArray();
        int r = 0;
        for (int k = 0; k < w.length; k += 2) {
            while (r < replacements.size() && replacements.get(r).end() <= w[k]) {
                r++;
            }
            if (r < replacements.size() && replacements.get(r).start() < w[k]) {
                w[k] = replacements.get(r).start();
            }
            while (r < replacements.size() && replacements.get(r).start() < w[k + 1]) {
                w[k + 1] = Math.max(w[k + 1], replacements.get(r).end());
                r++;
            }
        }
        Positions merged = new Positions();
        int k = 0;
        while (k < w.length) {
            int start = w[k];
            int end = w[k + 1];
            k += 2;
            while (k < w.length && w[k] <= end) {
                end = Math.max(end, w[k + 1]);
                k += 2;
            }
            merged.add(start);
            merged.add(end);
        }
        return merged;
    }

    /**
     * Where a change's context starts: its line's start when the line is short (a voice turn, a line of a form), else
     * CONTEXT_BEFORE characters back, at a blank.
     */
    private static int contextStart(String text, int change) {
        int lineStart = change;
        while (lineStart > 0 && change - lineStart < SHORT_LINE && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        if (lineStart == 0 || text.charAt(lineStart - 1) == '\n') {
            return lineStart;
        }
        int at = change - CONTEXT_BEFORE;
        while (at < change && !Character.isWhitespace(text.charAt(at))) {
            at++; // start at a blank, not inside a word
        }
        return at;
    }

    /** Where a change's context ends: its line's end when the line is short, else CONTEXT_AFTER on, at a blank. */
    private static int contextEnd(String text, int change) {
        int lineEnd = change;
        while (lineEnd < text.length() && lineEnd - change < SHORT_LINE && text.charAt(lineEnd) != '\n') {
            lineEnd++;
        }
        if (lineEnd == text.length() || text.charAt(lineEnd) == '\n') {
            return lineEnd;
        }
        int at = change + CONTEXT_AFTER;
        while (at > change && !Character.isWhitespace(text.charAt(at - 1))) {
            at--; // end at a blank, not inside a word
        }
        return at;
    }

    /** One stretch of the original {@code [start, end)} and what it is written as. */
    private record Replacement(int start, int end, String written) {}

    /**
     * The characters that glue a structured value to its key or to the next field; one with blanks on both sides glues
     * nothing ("Phone | 415-555-0132 | cell"), and the recognizers already read past it.
     */
    private static final String STRUCTURE = "\"{}|^=&<>`";

    /** The ASCII characters the length-preserving part may change: the structure, {@code : , _ #} and escapes. */
    private static final boolean[] MAY_CHANGE = new boolean[128];

    static {
        for (char c : (STRUCTURE + ":,_#\\").toCharArray()) {
            MAY_CHANGE[c] = true;
        }
    }

    /**
     * The length-preserving part: letters folded to their base letter, structural punctuation made blank. Each
     * character stays where it was, so offsets need no map.
     */
    private static char[] foldedAndUnglued(String original) {
        char[] out = original.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c < 128 && !MAY_CHANGE[c]) {
                continue; // most characters: told by one look-up
            }
            if (c >= 0xC0 && Character.isLetter(c)) {
                out[i] = baseLetter(c);
            } else if (STRUCTURE.indexOf(c) >= 0 && touchesValue(original, i)) {
                out[i] = ' ';
            } else if (c == ':' && i > 0 && original.charAt(i - 1) == '"') {
                out[i] = ' '; // "key":"value"
            } else if (c == ','
                    && isGlued(original, i)
                    && !(isDigitAt(original, i - 1) && isDigitAt(original, i + 1))) {
                out[i] = ' '; // CSV fields, "Smith,John"; "1,000" stays a number
            } else if (c == '\\' && i + 1 < out.length && "nrtbf\"\\/".indexOf(original.charAt(i + 1)) >= 0) {
                out[i] = ' '; // a JSON escape ("\\n" in tool-call arguments) is a blank, not a letter glued to a value
                out[i + 1] = ' ';
                i++;
            } else if (c == '#' && !inAddressOrUrl(original, i)) {
                out[i] = ' '; // "Chart#E-7220", "ID #5366": the number sign glues a label to its value
            } else if (c == '_' && isGlued(original, i) && !inAddressOrUrl(original, i)) {
                out[i] = ' '; // member_id, patient_name: the key's words are context words
            }
        }
        return out;
    }

    /** The text with each letter that has an ASCII base letter replaced by it; no other character changes. */
    static String foldLetters(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 0xC0 && Character.isLetter(out[i])) {
                out[i] = baseLetter(out[i]);
            }
        }
        return new String(out);
    }

    /** The letter without its diacritics when it has an ASCII base letter ({@code é}, {@code Č}, {@code ø}), else itself. */
    private static char baseLetter(char c) {
        switch (c) {
            case 'ł':
                return 'l';
            case 'Ł':
                return 'L';
            case 'đ':
                return 'd';
            case 'Đ':
                return 'D';
            case 'ø':
                return 'o';
            case 'Ø':
                return 'O';
            case 'ı':
                return 'i';
            default:
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char first = decomposed.charAt(0);
                return first < 128 && Character.isLetter(first) ? first : c;
        }
    }

    /** Whether a non-blank stands on either side of {@code at}: "{" before a key, "}" after a value at the end. */
    private static boolean touchesValue(String text, int at) {
        return at > 0 && !Character.isWhitespace(text.charAt(at - 1))
                || at + 1 < text.length() && !Character.isWhitespace(text.charAt(at + 1));
    }

    private static boolean isGlued(String text, int at) {
        return at > 0
                && at + 1 < text.length()
                && !Character.isWhitespace(text.charAt(at - 1))
                && !Character.isWhitespace(text.charAt(at + 1));
    }

    private static boolean isDigitAt(String text, int at) {
        return at >= 0 && at < text.length() && TextScan.isDigit(text.charAt(at));
    }

    /** Whether the run of non-blanks around {@code at} holds an {@code @} or a {@code /}: an e-mail address or a URL. */
    private static boolean inAddressOrUrl(String text, int at) {
        int start = at;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '@' || text.charAt(i) == '/') {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- spoken forms

    /** Finds the spoken numbers, symbols and e-mail addresses of a text, as replacements in ascending order. */
    private static final class SpokenForms {
        private static final Set<String> TOP_LEVEL_DOMAINS = Set.of(
                "com", "net", "org", "edu", "gov", "io", "me", "us", "co", "info", "biz", "health", "care", "app",
                "mail", "ca", "uk");
        /** Words that stand before "at" in speech far more often than as the local part of an address. */
        private static final AsciiWordSet NOT_LOCAL_PARTS = new AsciiWordSet(List.of(
                "me", "us", "him", "her", "them", "you", "it", "online", "here", "there", "home", "work", "school",
                "that", "this", "look", "looking", "arrive", "be", "is", "was", "are", "stop", "stay", "staying",
                "live", "lives", "living", "meet", "call", "calls", "email", "mail", "e", "an", "a", "the", "or", "and",
                "only", "anytime", "best", "reach", "reached", "just", "not", "profile", "page", "site", "website",
                "portal", "account"));

        private static final Set<String> MONTHS = Set.copyOf(DateRecognizer.MONTH_NAMES);

        /** Words that sound like digits and stand for them inside a long spoken number ("ate oh too, won for for"). */
        private static final java.util.Map<String, String> HOMOPHONES =
                java.util.Map.of("for", "four", "to", "two", "too", "two", "won", "one", "ate", "eight");

        /** Every word a rule below asks about. */
        private static final AsciiWordSet KNOWN_WORDS = knownWords();

        private static AsciiWordSet knownWords() {
            List<String> known = new ArrayList<>(SpokenNumbers.WORDS);
            known.addAll(List.of(
                    "double",
                    "triple",
                    "point",
                    "dot",
                    "period",
                    "dash",
                    "hyphen",
                    "slash",
                    "underscore",
                    "at",
                    "sign",
                    "symbol",
                    "all",
                    "word",
                    "uh",
                    "um",
                    "er",
                    "ah",
                    "erm",
                    "like",
                    "you",
                    "know",
                    "scratch",
                    "that",
                    "i",
                    "mean",
                    "no",
                    "wait",
                    "sorry"));
            known.addAll(SpellingAlphabet.WORDS);
            known.addAll(TOP_LEVEL_DOMAINS);
            known.addAll(MONTHS);
            known.addAll(HOMOPHONES.keySet());
            known.addAll(SpokenSpanish.words());
            return new AsciiWordSet(known);
        }

        private final String text;
        private final int[] starts;
        private final int[] ends;
        /** Each word as the rules read it: a known English word (a Spanish one translated), else "". */
        private final String[] words;
        /** What a translated word is written as when no rule wrote it as part of a value; null for the others. */
        private final String[] translations;
        /** Whether the stretch after a word is a spoken joiner that reads as one blank ("y" of "treinta y uno"). */
        private final boolean[] joined;
        /** Whether a word is a year's century said in Spanish ("mil novecientos"), before which a unit takes a zero. */
        private final boolean[] century;

        private final boolean[] used;

        SpokenForms(String text) {
            this.text = text;
            Positions s = new Positions();
            Positions e = new Positions();
            for (int at = 0; at < text.length(); ) {
                if (!TextScan.isAsciiAlnum(text.charAt(at)) || !RegexText.isLetter(text.charAt(at))) {
                    at++;
                    continue;
                }
                int end = at;
                while (end < text.length() && RegexText.isLetter(text.charAt(end))) {
                    end++;
                }
                // A word glued to digits or other letters ("x204", "Ωmega") is no spoken word.
                // ... nor is one after an apostrophe: the "s" of "it's".
                boolean alone = (at == 0
                                || !Character.isLetterOrDigit(text.charAt(at - 1))
                                        && "'’".indexOf(text.charAt(at - 1)) < 0)
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
                if (alone) {
                    s.add(at);
                    e.add(end);
                }
                at = end;
            }
            Words read = new Words(text, s.toArray(), e.toArray());
            this.starts = Arrays.copyOf(read.starts, read.count);
            this.ends = Arrays.copyOf(read.ends, read.count);
            this.words = Arrays.copyOf(read.words, read.count);
            this.translations = Arrays.copyOf(read.translations, read.count);
            this.joined = Arrays.copyOf(read.joined, read.count);
            this.century = Arrays.copyOf(read.century, read.count);
            this.used = new boolean[starts.length];
            homophones();
        }

        /**
         * The words of a text as the rules read them. Only the words some rule asks about are copied; every other word
         * reads "" and matches none. A Spanish word is read as its English word ({@link SpokenSpanish}): a number word
         * as one or two number words ("veintidos" as "twenty" and an empty "two" after it), two words of a pair as one,
         * and the "y" that joins tens to a unit as the blank between them.
         */
        private static final class Words {
            final int[] starts;
            final int[] ends;
            final String[] words;
            final String[] translations;
            final boolean[] joined;
            final boolean[] century;
            int count;

            Words(String text, int[] rawStarts, int[] rawEnds) {
                int n = rawStarts.length;
                String[] known = new String[n];
                boolean anyKnown = false;
                for (int i = 0; i < n; i++) {
                    String word = KNOWN_WORDS.find(text, rawStarts[i], rawEnds[i]);
                    known[i] = word != null ? word : "";
                    anyKnown |= word != null;
                }
                int capacity = anyKnown ? 2 * n : n; // a Spanish number word may be read as two
                starts = new int[capacity];
                ends = new int[capacity];
                words = new String[capacity];
                translations = new String[capacity];
                joined = new boolean[capacity];
                century = new boolean[capacity];
                boolean afterJoiner = false;
                for (int i = 0; i < n; i++) {
                    String word = known[i];
                    if (word.isEmpty()) {
                        add(rawStarts[i], rawEnds[i], word, null);
                        afterJoiner = false;
                        continue;
                    }
                    boolean joinedBefore = afterJoiner;
                    afterJoiner = false;
                    String next = i + 1 < n && blanksOnly(text, rawEnds[i], rawStarts[i + 1]) ? known[i + 1] : "";
                    String previous = i > 0 && blanksOnly(text, rawEnds[i - 1], rawStarts[i]) ? known[i - 1] : "";
                    if (word.equals("y") && SpokenSpanish.isTens(previous) && SpokenSpanish.isUnit(next)) {
                        joined[count - 1] = true;
                        afterJoiner = true;
                        continue;
                    }
                    String pair = SpokenSpanish.pair(word, next);
                    if (pair != null) {
                        add(rawStarts[i], rawEnds[i + 1], pair, pair);
                        century[count - 1] = SpokenSpanish.isCentury(word, next);
                        i++;
                        continue;
                    }
                    List<String> number = SpokenSpanish.number(word);
                    if (number != null
                            && (!SpokenSpanish.needsNumberBeside(word)
                                    || joinedBefore
                                    || isNumberWord(previous)
                                    || isNumberWord(next))) {
                        add(rawStarts[i], rawEnds[i], number.get(0), String.join(" ", number));
                        for (int k = 1; k < number.size(); k++) {
                            add(rawEnds[i], rawEnds[i], number.get(k), null);
                        }
                        continue;
                    }
                    String english = firstNonNull(SpokenSpanish.symbol(word), SpokenSpanish.month(word));
                    if (english != null) {
                        add(rawStarts[i], rawEnds[i], english, english);
                    } else if (SpokenSpanish.cue(word) != null) {
                        add(rawStarts[i], rawEnds[i], "", SpokenSpanish.cue(word));
                    } else {
                        add(rawStarts[i], rawEnds[i], word, null);
                    }
                }
            }

            private static boolean isNumberWord(String word) {
                return SpokenNumbers.digits(word) > 0 || SpokenSpanish.number(word) != null;
            }

            private static String firstNonNull(String a, String b) {
                return a != null ? a : b;
            }

            private void add(int start, int end, String word, String translation) {
                starts[count] = start;
                ends[count] = end;
                words[count] = word;
                translations[count] = translation;
                count++;
            }
        }

        private static boolean blanksOnly(String text, int from, int to) {
            for (int at = from; at < to; at++) {
                if (!RegexText.isBlank(text.charAt(at))) {
                    return false;
                }
            }
            return true;
        }

        List<Replacement> replacements() {
            List<Replacement> found = new ArrayList<>();
            if (starts.length == 0) {
                return found;
            }
            spanishDates(found);
            emails(found);
            numbers(found);
            lettersAsIn(found);
            fillers(found);
            spellingAlphabet(found);
            translations(found);
            found.sort((a, b) -> Integer.compare(a.start(), b.start()));
            return found;
        }

        /** Words said while thinking, which speech puts inside a value: "july eighth uh nineteen seventy five". */
        private static final Set<String> FILLERS = Set.of("uh", "um", "er", "ah", "erm", "like", "sorry", "wait");
        /** Two-word fillers and the corrections said inside a value ("six oh five scratch that nine three oh ..."). */
        private static final Set<String> TWO_WORD_FILLERS = Set.of("you know", "scratch that", "i mean", "no wait");

        /**
         * The fillers ("uh", "um", "like", "you know") and corrections ("scratch that", "i mean") between a number or an
         * ordinal and a number, left out of the view with the blank after them, so the value reads whole; the span found
         * maps back over them (a corrected value is masked with what it corrects).
         */
        private void fillers(List<Replacement> found) {
            for (int k = 1; k + 1 < words.length; k++) {
                int last = TWO_WORD_FILLERS.contains(words[k] + " " + words[k + 1]) ? k + 1 : k;
                if (!FILLERS.contains(words[k]) && last == k
                        || last + 1 >= words.length
                        || !isNumber(last + 1) && !(MONTHS.contains(words[k - 1]) && isOrdinal(last + 1))
                        || !commaGap(k - 1)
                        || !commaGap(last)
                        || last > k && !blankGap(k)
                        || used[k]) {
                    continue;
                }
                String before = text.substring(starts[k - 1], ends[k - 1]).toLowerCase(java.util.Locale.ROOT);
                boolean numberBefore = isNumber(k - 1)
                        || MONTHS.contains(words[k - 1])
                        || before.endsWith("th")
                        || before.endsWith("st")
                        || before.endsWith("nd")
                        || before.endsWith("rd");
                int end = starts[last + 1];
                int start = starts[k];
                if (numberBefore && found.stream().noneMatch(other -> other.start() < end && start < other.end())) {
                    found.add(new Replacement(start, end, ""));
                }
                k = last;
            }
        }

        /** The ordinals a day of the month is said with ("march uh third"). */
        private static final Set<String> DAY_ORDINALS = Set.of(
                "first",
                "second",
                "third",
                "fourth",
                "fifth",
                "sixth",
                "seventh",
                "eighth",
                "ninth",
                "tenth",
                "eleventh",
                "twelfth",
                "thirteenth",
                "fourteenth",
                "fifteenth",
                "sixteenth",
                "seventeenth",
                "eighteenth",
                "nineteenth",
                "twentieth",
                "thirtieth");

        private boolean isOrdinal(int k) {
            return DAY_ORDINALS.contains(text.substring(starts[k], ends[k]).toLowerCase(java.util.Locale.ROOT));
        }

        /** The shortest run of number words and homophones that holds an identifier said aloud (a local phone number). */
        private static final int IDENTIFIER_WORDS = 7;
        /** Homophones that lead into a number or follow one as words ("faxed to ...", "... for the payment"). */
        private static final Set<String> FUNCTION_HOMOPHONES = Set.of("to", "too", "for");

        /**
         * The homophones of digits said inside a spoken identifier, read as the digits: in a run of number words and
         * homophones joined by blanks, a hyphen, one comma or a full stop, without the "to" and "for" at its ends, of
         * {@link #IDENTIFIER_WORDS} words or more, three of them number words ("eight fifteen to six thirty" is a time).
         */
        private void homophones() {
            int i = 0;
            while (i < words.length) {
                if (!isNumberOrHomophone(i)) {
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < words.length
                        && isNumberOrHomophone(end)
                        && (numberGap(end - 1) || commaGap(end - 1) || periodGap(end - 1))) {
                    end++;
                }
                int next = end;
                int first = i;
                while (first < end && FUNCTION_HOMOPHONES.contains(words[first])) {
                    first++;
                }
                while (end > first && FUNCTION_HOMOPHONES.contains(words[end - 1])) {
                    end--;
                }
                int numbers = 0;
                for (int k = first; k < end; k++) {
                    numbers += HOMOPHONES.containsKey(words[k]) ? 0 : 1;
                }
                if (end - first >= IDENTIFIER_WORDS && numbers >= 3 && numbers < end - first) {
                    for (int k = first; k < end; k++) {
                        words[k] = HOMOPHONES.getOrDefault(words[k], words[k]);
                    }
                }
                i = next;
            }
        }

        private boolean isNumberOrHomophone(int k) {
            return HOMOPHONES.containsKey(words[k])
                    || SpokenNumbers.digits(words[k]) > 0
                    || SpokenNumbers.isRepeater(words[k]);
        }

        /**
         * Dates said in Spanish, written as the English the date rules read: "doce de abril de mil novecientos treinta y
         * uno" is "12 April 1931", "12 de abril de 1931" reads "12 April 1931", "abril de 2023" "April 2023". The day or
         * the year may be digits or words; the article before the day stays outside.
         */
        private void spanishDates(List<Replacement> found) {
            for (int k = 0; k < words.length; k++) {
                if (translations[k] == null || !MONTHS.contains(words[k])) {
                    continue; // only a Spanish month has a translation and an English month as its word
                }
                String month = words[k];
                boolean deBefore = k > 0 && isDateJoiner(k - 1) && blankGap(k - 1);
                int dayStart = deBefore ? numberRunStart(k - 2) : -1;
                boolean dayDigits = deBefore && dayStart < 0 && digitsBefore(starts[k - 1]);
                boolean deAfter = k + 1 < words.length && isDateJoiner(k + 1) && blankGap(k);
                int yearEnd = deAfter && k + 2 < words.length && blankGap(k + 1) ? runEnd(k + 2) : -1;
                boolean yearWords = yearEnd > k + 2;
                boolean yearDigits = deAfter && !yearWords && digitsAfter(ends[k + 1]);
                if (dayStart < 0 && !dayDigits && !yearWords && !yearDigits) {
                    continue;
                }
                // Day, month and year are written each on its own, so that a span of the month and year alone maps
                // back to those words only.
                if (dayStart >= 0) {
                    found.add(new Replacement(starts[dayStart], ends[k - 2], digitsOf(dayStart, k - 1)));
                }
                int monthStart = deBefore ? starts[k - 1] : starts[k];
                int monthEnd = yearDigits ? ends[k + 1] : ends[k];
                found.add(new Replacement(
                        monthStart, monthEnd, Character.toUpperCase(month.charAt(0)) + month.substring(1)));
                if (yearWords) {
                    found.add(new Replacement(starts[k + 1], ends[yearEnd - 1], digitsOf(k + 2, yearEnd)));
                }
                for (int w = dayStart >= 0 ? dayStart : k; w < (yearWords ? yearEnd : k + 1); w++) {
                    used[w] = true;
                }
                k = yearWords ? yearEnd - 1 : k;
            }
        }

        private boolean isDateJoiner(int k) {
            return SpokenSpanish.DATE_JOINERS.contains(words[k]);
        }

        /** The first word of the run of number words that ends at word {@code last} (with a blank after it), or -1. */
        private int numberRunStart(int last) {
            if (last < 0 || !blankGap(last) || !isNumber(last) || used[last]) {
                return -1;
            }
            int k = last;
            while (k > 0 && isNumber(k - 1) && numberGap(k - 1) && !used[k - 1]) {
                k--;
            }
            return k;
        }

        /** Whether one or two digits and a blank stand just before {@code at}. */
        private boolean digitsBefore(int at) {
            int i = at - 1;
            while (i >= 0 && RegexText.isBlank(text.charAt(i))) {
                i--;
            }
            int digits = 0;
            while (i >= 0 && TextScan.isDigit(text.charAt(i))) {
                digits++;
                i--;
            }
            return i < at - 1 - digits
                    && digits >= 1
                    && digits <= 2
                    && (i < 0 || !Character.isLetterOrDigit(text.charAt(i)));
        }

        /** Whether a blank and four digits stand just after {@code at}. */
        private boolean digitsAfter(int at) {
            int i = at;
            while (i < text.length() && RegexText.isBlank(text.charAt(i))) {
                i++;
            }
            int digits = 0;
            while (i < text.length() && TextScan.isDigit(text.charAt(i))) {
                digits++;
                i++;
            }
            return i > at + digits && digits == 4 && (i == text.length() || !Character.isLetterOrDigit(text.charAt(i)));
        }

        /**
         * The translated words no rule wrote as part of a value, each written as its English word ("telefono" is
         * "phone", "anos" "years old"), so that the cues and the rules of the written forms read them.
         */
        private void translations(List<Replacement> found) {
            for (int k = 0; k < words.length; k++) {
                if (translations[k] == null || used[k]) {
                    continue;
                }
                int start = starts[k];
                int end = ends[k];
                if (found.stream().noneMatch(other -> other.start() < end && start < other.end())) {
                    found.add(new Replacement(start, end, translations[k]));
                }
            }
        }

        /**
         * Spelling-alphabet words said inside an identifier, written as their letters: "nine one victor papa seven four"
         * is "91 V P 74", so the value recognizers read one value. A word counts only beside a number word or another
         * alphabet word ("victor" alone is a name; "november" needs another alphabet word).
         */
        private void spellingAlphabet(List<Replacement> found) {
            for (int k = 0; k < words.length; k++) {
                String word = words[k]; // "" unless a rule asks about the word, as every alphabet word is
                if (!SpellingAlphabet.contains(word) || used[k]) {
                    continue;
                }
                // "november" is a month before a number: it spells only beside another alphabet word.
                boolean numbersCount = !word.equals("november");
                boolean before = k > 0 && blankGap(k - 1) && (numbersCount && isNumber(k - 1) || isAlphabetWord(k - 1));
                boolean after = k + 1 < words.length
                        && blankGap(k)
                        && (numbersCount && isNumber(k + 1) || isAlphabetWord(k + 1));
                int start = starts[k];
                int end = ends[k];
                if ((before || after)
                        && found.stream().noneMatch(other -> other.start() < end && start < other.end())) {
                    found.add(new Replacement(start, end, word.substring(0, 1).toUpperCase(java.util.Locale.ROOT)));
                }
            }
        }

        private boolean isAlphabetWord(int k) {
            return SpellingAlphabet.contains(words[k]);
        }

        /** A letter said with the word that tells it: "W as in william" is "W". */
        private static final Pattern LETTER_AS_IN = Pattern.compile("(?i)(?<![\\p{L}'’])([a-z]),? as in [a-z]+\\b");

        /** The letters said "as in" a word, each written as the letter alone, so the value it belongs to reads whole. */
        private void lettersAsIn(List<Replacement> found) {
            if (TextScan.indexOfIgnoreCase(text, " as in ", 0) >= text.length()) {
                return;
            }
            Matcher m = LETTER_AS_IN.matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (found.stream().noneMatch(other -> other.start() < end && start < other.end())) {
                    found.add(new Replacement(start, end, m.group(1)));
                }
            }
        }

        /** Only blanks between word {@code i} and the next. */
        private boolean blankGap(int i) {
            if (joined[i]) {
                return true;
            }
            for (int at = ends[i]; at < starts[i + 1]; at++) {
                if (!RegexText.isBlank(text.charAt(at))) {
                    return false;
                }
            }
            return true;
        }

        /** Blanks or one hyphen ("twenty-one") between word {@code i} and the next. */
        private boolean numberGap(int i) {
            if (joined[i]) {
                return true;
            }
            int hyphens = 0;
            for (int at = ends[i]; at < starts[i + 1]; at++) {
                char c = text.charAt(at);
                if (c == '-') {
                    hyphens++;
                } else if (!RegexText.isBlank(c)) {
                    return false;
                }
            }
            return hyphens <= 1;
        }

        /**
         * A full stop that speech-to-text put inside a number said in groups ("nine three nine. four six seven."): one
         * between two number words, after two number words, read as the blank it was.
         */
        private boolean periodGap(int i) {
            if (i < 1 || i + 1 >= words.length || ends[i] >= text.length() || text.charAt(ends[i]) != '.') {
                return false;
            }
            for (int at = ends[i] + 1; at < starts[i + 1]; at++) {
                if (!RegexText.isBlank(text.charAt(at))) {
                    return false;
                }
            }
            return starts[i + 1] > ends[i] + 1
                    && isNumberOrHomophone(i - 1)
                    && numberGap(i - 1)
                    && isNumberOrHomophone(i)
                    && isNumberOrHomophone(i + 1);
        }

        private static char separator(String word) {
            return switch (word) {
                case "point", "dot", "period" -> '.';
                case "dash", "hyphen" -> '-';
                case "slash" -> '/';
                case "underscore" -> '_';
                default -> 0;
            };
        }

        private boolean isNumber(int i) {
            return SpokenNumbers.digits(words[i]) > 0 && !words[i].equals("hundred") && !words[i].equals("thousand")
                    || i + 1 < words.length
                            && SpokenNumbers.isRepeater(words[i])
                            && SpokenNumbers.digits(words[i + 1]) == 1
                            && numberGap(i);
        }

        // ------------------------------------------------ numbers

        /** The end (exclusive word index) of the number run starting at word {@code i}, or {@code i} when none starts. */
        private int runEnd(int i) {
            if (used[i] || !isNumber(i)) {
                return i;
            }
            int j = i + 1;
            while (j < words.length
                    && !used[j]
                    && (numberGap(j - 1) || periodGap(j - 1))
                    && (isNumber(j) || isMultiplier(j) && j > i && SpokenNumbers.digits(words[j - 1]) == 1)) {
                j++;
            }
            return j;
        }

        private boolean isMultiplier(int i) {
            return words[i].equals("hundred") || words[i].equals("thousand");
        }

        private void numbers(List<Replacement> found) {
            int i = 0;
            while (i < words.length) {
                int end = runEnd(i);
                if (end == i) {
                    i++;
                    continue;
                }
                // A chain: runs joined by spoken symbols ("four slash five slash oh seven", "one seventy point two").
                List<int[]> runs = new ArrayList<>();
                StringBuilder written = new StringBuilder();
                int[] first = {i, end};
                runs.add(first);
                written.append(digitsOf(i, end));
                int last = end;
                while (last + 1 < words.length
                        && separator(words[last]) != 0
                        && !used[last]
                        && blankGap(last - 1)
                        && blankGap(last)) {
                    int next = runEnd(last + 1);
                    if (next == last + 1) {
                        break;
                    }
                    written.append(separator(words[last])).append(digitsOf(last + 1, next));
                    runs.add(new int[] {last + 1, next});
                    last = next;
                }
                boolean chained = runs.size() > 1;
                boolean alone = !chained && end - i == 1;
                if (!chained && afterMonth(i)) {
                    int split = yearStart(i, end);
                    if (split > i) {
                        found.add(new Replacement(starts[i], ends[split - 1], digitsOf(i, split)));
                        found.add(new Replacement(starts[split], ends[end - 1], digitsOf(split, end)));
                        i = end;
                        continue;
                    }
                }
                boolean onlyOh = true;
                for (int w = i; w < last; w++) {
                    onlyOh &= words[w].equals("oh") || separator(words[w]) != 0;
                }
                if (!alone && !onlyOh) {
                    found.add(new Replacement(starts[i], ends[last - 1], written.toString()));
                }
                i = last;
            }
        }

        /** Whether a month name is the word before word {@code i}, with blanks or a comma between. */
        private boolean afterMonth(int i) {
            return i > 0
                    && MONTHS.contains(words[i - 1])
                    && text.substring(ends[i - 1], starts[i]).strip().length() <= 1;
        }

        /** Where a spoken year ("nineteen sixty", "twenty oh five", "two thousand") starts after a day, else {@code from}. */
        private int yearStart(int from, int to) {
            for (int k = from + 1; k + 1 < to; k++) {
                String next = words[k + 1];
                boolean century = (words[k].equals("nineteen") || words[k].equals("twenty"))
                        && (SpokenNumbers.isTens(next) || next.equals("oh") || SpokenNumbers.digits(next) == 2);
                boolean thousand = words[k].equals("two") && next.equals("thousand");
                if (century || thousand) {
                    return k;
                }
            }
            return from;
        }

        /** The digits words {@code [from, to)} stand for, read group by group as identifiers are read aloud. */
        private String digitsOf(int from, int to) {
            StringBuilder digits = new StringBuilder();
            int repeat = 1;
            for (int k = from; k < to; k++) {
                String w = words[k];
                if (SpokenNumbers.isRepeater(w)) {
                    repeat = w.equals("double") ? 2 : 3;
                    continue;
                }
                String next = k + 1 < to ? words[k + 1] : "";
                String value;
                if (w.equals("hundred") || w.equals("thousand")) {
                    int zeros = w.equals("hundred") ? 2 : 3;
                    // "one hundred twenty" is 120, "two thousand five" 2005: the next group fills the last places.
                    int filled = next.isEmpty() ? 0 : SpokenNumbers.isUnit(next) || next.equals("oh") ? 1 : 2;
                    value = "0".repeat(Math.max(0, zeros - filled));
                } else if (century[k]) {
                    // "mil novecientos cinco" is 1905, "mil novecientos treinta" 1930
                    value = smallValue(w) + (SpokenNumbers.isUnit(next) ? "0" : "");
                } else if (SpokenNumbers.isTens(w) && SpokenNumbers.isUnit(next)) {
                    value = String.valueOf(tensValue(w) + unitValue(next));
                    k++;
                } else if (SpokenNumbers.isTens(w)) {
                    value = String.valueOf(tensValue(w));
                } else {
                    value = String.valueOf(smallValue(w));
                }
                digits.append(value.repeat(repeat));
                repeat = 1;
            }
            return digits.toString();
        }

        private static int tensValue(String w) {
            return switch (w) {
                case "twenty" -> 20;
                case "thirty" -> 30;
                case "forty" -> 40;
                case "fifty" -> 50;
                case "sixty" -> 60;
                case "seventy" -> 70;
                case "eighty" -> 80;
                default -> 90;
            };
        }

        private static int unitValue(String w) {
            return smallValue(w);
        }

        private static int smallValue(String w) {
            return switch (w) {
                case "zero", "oh" -> 0;
                case "one" -> 1;
                case "two" -> 2;
                case "three" -> 3;
                case "four" -> 4;
                case "five" -> 5;
                case "six" -> 6;
                case "seven" -> 7;
                case "eight" -> 8;
                case "nine" -> 9;
                case "ten" -> 10;
                case "eleven" -> 11;
                case "twelve" -> 12;
                case "thirteen" -> 13;
                case "fourteen" -> 14;
                case "fifteen" -> 15;
                case "sixteen" -> 16;
                case "seventeen" -> 17;
                case "eighteen" -> 18;
                default -> 19;
            };
        }

        // ------------------------------------------------ e-mail addresses

        private void emails(List<Replacement> found) {
            for (int a = 1; a + 1 < words.length; a++) {
                if (!words[a].equals("at") || !blankGap(a)) {
                    continue;
                }
                // "norbert kelly nineteen seventy seven, all one word, at ...": the dictation says the words before it
                // are one local part.
                int dictation = dictationBefore(a);
                if (dictation < 0 && !blankGap(a - 1) || dictation == 0) {
                    continue;
                }
                int domainStart = a + 1;
                if (words[domainStart].equals("sign") || words[domainStart].equals("symbol")) {
                    domainStart++;
                    if (domainStart >= words.length || !blankGap(a + 1)) {
                        continue;
                    }
                }
                int domainEnd = domainEnd(domainStart);
                if (domainEnd < 0 || domainEnd < words.length && separator(words[domainEnd]) == '/') {
                    continue; // no domain, or a web address with a path ("my profile at facebook dot com slash ...")
                }
                int last = dictation > 0 ? dictation - 1 : a - 1;
                int localStart = localStart(last, 2);
                boolean separated = localStart < last;
                if (!separated && NOT_LOCAL_PARTS.containsLetters(text, starts[last], ends[last])) {
                    continue;
                }
                StringBuilder written = new StringBuilder();
                appendJoined(written, localStart, last + 1);
                written.append('@');
                appendJoined(written, domainStart, domainEnd);
                for (int k = localStart; k < domainEnd; k++) {
                    used[k] = true;
                }
                found.add(new Replacement(starts[localStart], ends[domainEnd - 1], written.toString()));
                a = domainEnd - 1;
            }
        }

        /**
         * The exclusive end of a spoken domain starting at word {@code from} (one to three words, then dot and label,
         * ending in a top-level domain), or -1.
         */
        private int domainEnd(int from) {
            int k = from;
            int labelWords = 0;
            while (k < words.length && separator(words[k]) != '.' && labelWords < 3) {
                if (separator(words[k]) != 0 || k + 1 >= words.length || !blankGap(k)) {
                    return -1;
                }
                labelWords++;
                k++;
            }
            int end = -1;
            // dot label (dot label)*, the last label a top-level domain
            while (k + 1 < words.length && separator(words[k]) == '.' && blankGap(k - 1) && blankGap(k)) {
                if (TOP_LEVEL_DOMAINS.contains(words[k + 1])) {
                    end = k + 2;
                }
                k += 2;
                if (k >= words.length || separator(words[k]) != '.' || !blankGap(k - 1)) {
                    break;
                }
            }
            return labelWords == 0 ? -1 : end;
        }

        /**
         * The first word of "all one word" or "one word" ending just before word {@code at}, blanks and at most one
         * comma between its words and around it; -1 if there is none.
         */
        private int dictationBefore(int at) {
            if (at < 3
                    || !words[at - 1].equals("word")
                    || !words[at - 2].equals("one")
                    || !commaGap(at - 1)
                    || !commaGap(at - 2)) {
                return -1;
            }
            return words[at - 3].equals("all") && commaGap(at - 3) ? at - 3 : at - 2;
        }

        /** Blanks and at most one comma between word {@code i} and the next. */
        private boolean commaGap(int i) {
            if (joined[i]) {
                return true;
            }
            int commas = 0;
            for (int at = ends[i]; at < starts[i + 1]; at++) {
                char c = text.charAt(at);
                if (c == ',' && ++commas == 1) {
                    continue;
                }
                if (!RegexText.isBlank(c)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The first word of the local part that ends at word {@code last}: words joined by spoken symbols, a number
         * said as words, and up to {@code gluedWords} words glued before such a number ("darrell fifty two at ...",
         * "trevion nguyen nineteen ninety five all one word at ..."), the earlier ones no everyday words.
         */
        private int localStart(int last, int gluedWords) {
            int k = last;
            int glued = 0;
            while (k > 0) {
                if (isNumber(k) && isNumber(k - 1) && numberGap(k - 1)) {
                    k--;
                } else if (k >= 2
                        && separator(words[k - 1]) != 0
                        && separator(words[k - 2]) == 0
                        && blankGap(k - 2)
                        && blankGap(k - 1)) {
                    k -= 2;
                } else if (glued < gluedWords
                        && (glued > 0 || isNumber(k))
                        && !isNumber(k - 1)
                        && separator(words[k - 1]) == 0
                        && blankGap(k - 1)
                        && !NOT_LOCAL_PARTS.containsLetters(text, starts[k - 1], ends[k - 1])
                        && (glued == 0 || !EverydayWords.allEveryday(text.substring(starts[k - 1], ends[k - 1])))) {
                    k--;
                    glued++;
                } else {
                    break;
                }
            }
            return k;
        }

        /** The words {@code [from, to)} written without blanks, spoken symbols as symbols and number words as digits. */
        private void appendJoined(StringBuilder out, int from, int to) {
            for (int k = from; k < to; k++) {
                char symbol = separator(words[k]);
                if (symbol != 0) {
                    out.append(symbol);
                } else if (isNumber(k)) {
                    int end = k + 1;
                    while (end < to && isNumber(end)) {
                        end++;
                    }
                    out.append(digitsOf(k, end));
                    k = end - 1;
                } else {
                    out.append(text, starts[k], ends[k]);
                }
            }
        }
    }
}
