package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the US cities and towns people name outside an address line, from a gazetteer of about 30,000 places
 * ({@code us-places.txt}): a place before its state ("lives in Atlanta, GA", "Tuscaloosa, Alabama"), or after words that
 * say where someone is ("we relocated to Glenview", "an office near Moreno Valley"). A place whose name is also a common
 * English word ("Mobile", "Reading") counts only before its state.
 */
final class PlaceRecognizer {
    private PlaceRecognizer() {}

    /** Abbreviations place names are written with, and the words the gazetteer holds for them. */
    private static final Map<String, String> SPELLED_OUT =
            Map.of("st", "saint", "ste", "sainte", "mt", "mount", "ft", "fort");
    /** Place name (lower case, ASCII) to the codes of the states that have a place of that name. */
    private static final Map<String, Set<String>> STATES_BY_PLACE = new HashMap<>();
    /** Places whose one-word name is a common English word. */
    private static final Set<String> COMMON = new HashSet<>();
    /** The first words of the places' names, asked in place before any name is built. */
    private static final AsciiWordSet FIRST_WORDS;

    static {
        for (String line : WordListResource.read("us-places.txt")) {
            String[] parts = line.split("\\|");
            STATES_BY_PLACE.computeIfAbsent(parts[0], name -> new HashSet<>()).add(parts[1].toUpperCase(Locale.ROOT));
            if (parts.length > 2) {
                COMMON.add(parts[0]);
            }
        }
        List<String> firstWords = new ArrayList<>(STATES_BY_PLACE.keySet().stream()
                .map(name -> name.split(" ")[0])
                .toList());
        firstWords.addAll(SPELLED_OUT.keySet()); // "St. Louis" starts with "st"
        FIRST_WORDS = new AsciiWordSet(firstWords);
    }

    /**
     * The gazetteer's key for a place name as written: lower-case ASCII words, hyphens, apostrophes and full stops as
     * blanks, abbreviations spelled out, so "Winston-Salem", "Coeur d'Alene" and "Sault Ste. Marie" are found however
     * they are punctuated ({@code tools/detector-data/places.mjs} writes the list with the same key).
     */
    static String key(String words) {
        String folded = NormalizedText.foldLetters(words).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        int at = 0;
        while (at < folded.length()) {
            while (at < folded.length() && isKeyBreak(folded.charAt(at))) {
                at++;
            }
            int end = at;
            while (end < folded.length() && !isKeyBreak(folded.charAt(end))) {
                end++;
            }
            if (end > at) {
                String word = folded.substring(at, end);
                if (!key.isEmpty()) {
                    key.append(' ');
                }
                key.append(SPELLED_OUT.getOrDefault(word, word));
            }
            at = end;
        }
        return key.toString();
    }

    private static boolean isKeyBreak(char c) {
        return c == '-' || c == '\'' || c == '’' || c == '.' || RegexText.isBlank(c);
    }

    private static final int MAX_WORDS = 3;
    /** Words just before a place that say someone is, lives, works or moved there. */
    private static final Pattern PLACE_CUE = Pattern.compile("(?i)\\b(?:in|near|around|outside(?: of)?"
            + "|(?:a |the )?(?:resident|native)s? of|(?:moved|moving|relocated|relocating|commute|commuting|drive|drives"
            + "|drove|driving|travel(?:l?ing)?|went|going|headed|heading|flew|flying|transferred|come|comes|came|coming"
            + "|calling|called|visiting)(?: back)? (?:to|from|in from|down from|up from|over from|out to))\\s+$");

    /** Finds the places of the text. */
    static void places(String text, int[] wordStarts, Candidates out) {
        boolean lowerCaseText = !hasUpperCase(text);
        for (int at : wordStarts) {
            char first = text.charAt(at);
            if (!RegexText.isLetter(first)
                    || !Character.isUpperCase(first) && !lowerCaseText
                    || !mayBePlace(text, at)
                    || !FIRST_WORDS.containsLetters(text, at, TextScan.letterRunEnd(text, at))) {
                continue;
            }
            place(text, at, lowerCaseText, out);
        }
    }

    /** The last word of every PLACE_CUE phrase. */
    private static final AsciiWordSet CUE_ENDS = new AsciiWordSet(List.of("in", "near", "around", "of", "to", "from"));
    /** The last words of PLACE_CUE's phrases: CUE_ENDS and "outside", which "outside(?: of)?" may end with. */
    private static final AsciiWordSet PLACE_CUE_LAST_WORDS =
            new AsciiWordSet(List.of("in", "near", "around", "of", "to", "from", "outside"));

    /**
     * A necessary condition for PLACE_CUE in {@code text[from, to)}: blanks end it (perhaps before a final line
     * terminator that is no blank, where {@code $} also matches), and the whole run of ASCII letters before them is the
     * last word of one of its phrases, in any ASCII case. The search of the window is made only then.
     */
    private static boolean mayEndWithCue(String text, int from, int to) {
        int end = to;
        if (end > from && "\u0085\u2028\u2029".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        int blanks = end;
        while (blanks > from && RegexText.isBlank(text.charAt(blanks - 1))) {
            blanks--;
        }
        int word = blanks;
        while (word > from && RegexText.isLetter(text.charAt(word - 1))) {
            word--;
        }
        return blanks < end && word < blanks && PLACE_CUE_LAST_WORDS.containsLetters(text, word, blanks);
    }

    /** How far after a place's start its state's comma may be: three words of a name. */
    private static final int STATE_COMMA_REACH = 40;

    /**
     * A necessary condition for a place at {@code at}: a cue's last word just before it, or a comma within reach
     * after it (where a state would follow). Most capitalized words fail it and are never looked up.
     */
    private static boolean mayBePlace(String text, int at) {
        int end = at - 1;
        while (end > 0 && text.charAt(end) == ' ') {
            end--;
        }
        int wordStart = end + 1;
        while (wordStart > 0 && RegexText.isLetter(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (wordStart <= end && CUE_ENDS.containsLetters(text, wordStart, end + 1)) {
            return true;
        }
        int comma = text.indexOf(',', at);
        return comma >= 0 && comma - at <= STATE_COMMA_REACH;
    }

    private static void place(String text, int start, boolean lowerCaseText, Candidates out) {
        boolean cued = false;
        boolean cueAsked = false;
        int end = start;
        int bestEnd = -1;
        int bestPriority = 0;
        StringBuilder name = new StringBuilder();
        for (int words = 0; words < MAX_WORDS; words++) {
            int wordEnd = end;
            while (wordEnd < text.length()
                    && (Character.isLetter(text.charAt(wordEnd))
                            || text.charAt(wordEnd) == '\''
                            || text.charAt(wordEnd) == '’'
                            || text.charAt(wordEnd) == '-'
                            || text.charAt(wordEnd) == '.' && wordEnd > end)) {
                wordEnd++;
            }
            if (wordEnd == end
                    || words > 0
                            && !lowerCaseText
                            && !Character.isUpperCase(text.charAt(end))
                            && !isLowerCaseJoin(text, end, wordEnd)) {
                break;
            }
            if (words > 0) {
                name.append(' ');
            }
            name.append(text, end, wordEnd);
            // A full stop after the name's last word ends the sentence unless it ends an abbreviation ("St.").
            int candidateEnd =
                    text.charAt(wordEnd - 1) == '.' && !isAbbreviation(text, end, wordEnd) ? wordEnd - 1 : wordEnd;
            String candidate = key(name.substring(0, name.length() - (wordEnd - candidateEnd)));
            Set<String> states = STATES_BY_PLACE.get(candidate);
            // A state is never a city, even where a town bears its name ("I live in Michigan").
            if (states != null
                    && !AddressRecognizer.STATE_NAME_SET.contains(candidate)
                    && Character.isLetter(text.charAt(candidateEnd - 1))) {
                String stateCode = UsStates.codeAfter(text, candidateEnd);
                if (stateCode != null && states.contains(stateCode)) {
                    bestEnd = candidateEnd;
                    bestPriority = 57;
                } else if (!COMMON.contains(candidate)) {
                    if (!cueAsked) {
                        int from = Math.max(0, start - 40);
                        cued = mayEndWithCue(text, from, start)
                                && PLACE_CUE
                                        .matcher(text.substring(from, start))
                                        .find();
                        cueAsked = true;
                    }
                    if (cued && bestPriority < 57) {
                        bestEnd = candidateEnd;
                        bestPriority = 53;
                    }
                }
            }
            // The next word, after one blank.
            if (wordEnd + 1 >= text.length() || text.charAt(wordEnd) != ' ') {
                break;
            }
            end = wordEnd + 1;
        }
        if (bestEnd > start) {
            out.add(start, bestEnd, PhiKind.CITY, bestPriority);
        }
    }

    /** Whether the words (any case, one blank between them) name a US city or town of the gazetteer. */
    static boolean isPlaceName(String words) {
        return STATES_BY_PLACE.containsKey(key(words));
    }

    /**
     * Whether the lower-case word {@code text[start, end)} may stand inside a capitalized place's name: a short joining
     * word ("Truth or Consequences", "Havre de Grace") or an elided article ("Coeur d'Alene").
     */
    private static boolean isLowerCaseJoin(String text, int start, int end) {
        return end - start <= 3 && end < text.length() && text.charAt(end) == ' '
                || text.startsWith("d'", start)
                || text.startsWith("d’", start);
    }

    /** Whether the word {@code text[start, end)}, which ends in a full stop, is an abbreviation a place name uses. */
    private static boolean isAbbreviation(String text, int start, int end) {
        return SPELLED_OUT.containsKey(text.substring(start, end - 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hasUpperCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
