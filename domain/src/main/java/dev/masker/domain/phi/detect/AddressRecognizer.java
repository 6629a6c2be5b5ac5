package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds street addresses and post office boxes, the city after an address, the place someone lives in or moved from,
 * and ZIP codes after a state; and knows the US state names and codes and the street words.
 */
final class AddressRecognizer {
    private AddressRecognizer() {}

    private static final String NW = SpokenNumbers.WORD;

    private static final Predicate<String> NUMBER_THEN_DR_OR_ST =
            Pattern.compile("\\d+ (?:dr|st)\\b.*").asMatchPredicate();
    private static final Predicate<String> NUMBER_THEN_DR_OR_ST_AND_A_WORD =
            Pattern.compile("\\d+ (?:st|dr)\\.? [a-z].*").asMatchPredicate();

    private static final StartFilter.FirstChars ADDRESS_FIRST =
            StartFilter.FirstChars.of(TextScan.DIGITS + "stfenhdzowSTFENHDZOWpP", false);

    private static final StartFilter.FirstChars RURAL_BOX_FIRST = StartFilter.FirstChars.of("rRhHsSpPcC", false);
    private static final StartFilter.FirstChars WHEREABOUTS_FIRST = StartFilter.FirstChars.of("mjlcoiMJLCOI", false);
    private static final StartFilter.FirstChars ZIP_FIRST =
            StartFilter.FirstChars.of(TextScan.ASCII_LETTERS + ",", false);

    static final String STATE_NAMES = String.join("|", UsStates.NAMES);
    static final String STATE_CODES = String.join("|", UsStates.CODES);
    private static final Pattern STATE_AT_END =
            Pattern.compile("(?:(?i:" + STATE_NAMES + ")|(?:" + STATE_CODES + ")|, ?(?i:" + STATE_CODES + ")),?\\s*$");
    private static final Pattern ZIP = Pattern.compile("(?:(?i:\\b(?:" + STATE_NAMES + "))|\\b(?:" + STATE_CODES
            + ")|, ?(?i:(?:" + STATE_CODES + ")\\b)),?\\s+" + "(\\d{5}(?:-\\d{4})?)\\b");
    /**
     * Street types and their USPS abbreviations (Publication 28, appendix C1), those that are not also everyday words a
     * number often comes before: not "park", "green", "field" or "spring", nor "point" and "pt" (decimals, "patient").
     */
    static final String STREET =
            "(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|courts|cts"
                    + "|place|pl|highway|hwy|parkway|pkwy|circle|cir|terrace|ter|trail|trl|square|sq|loop|plaza|plz|pass|run"
                    + "|crossing|xing|cove|cv|hollow|holw|bend|bnd|estates|ests|ridge|rdg|crescent|cres|pike|turnpike"
                    + "|tpke|expressway|expy|freeway|fwy|alley|aly|row|path|walk|grove|grv|heights|hts|meadow|meadows|mdw|mdws"
                    + "|view|vw|vista|vis|creek|crk|glen|gln|causeway|cswy|bypass|byp|spur|trace|trce|manor|mnr|knoll|knl"
                    + "|landing|lndg)";
    /** Unit words after a street line: "Apt 3", "Bldg 9 Apt 3", "Suite 200", "# 4B", "number 846". */
    private static final String UNIT_WORD =
            "(?:apt\\.?|apartment|unit|bldg\\.?|building|ste\\.?|suite|fl\\.?|floor|rm\\.?"
                    + "|room|lot|spc|space|trlr|trailer|number|no\\.|#)";
    /**
     * Up to two units: a unit word and its number, said ("apartment five b") or written ("Apt 5B", "# 4"), a letter after
     * a spoken number belonging to it ("unit two F"; "a" and "i" are words before they are unit letters).
     */
    private static final String UNITS = "(?:,? " + UNIT_WORD + " ?(?:" + NW + "(?: " + NW + "){0,3}\\b(?: [b-hj-z]\\b)?"
            + "|[a-z0-9-]+\\b)|,? #\\d+|,? (?:rear|upper|lower|front|basement|bsmt)\\b){0,2}";
    /**
     * A house number: digits, digits joined by a hyphen (Queens: "65-64"), perhaps a fraction ("12 1/2"), a grid number
     * ("E1058", "N4056"), or said.
     */
    private static final String HOUSE_NUMBER =
            "(?:\\d{1,6}(?:-\\d{1,4})?(?: [1-3]/[2-4])?|[nsew]\\d{3,5}|" + NW + "(?: " + NW + "){0,5})";
    /** A direction after the street's type, in capitals: "Bobwhite Ct E", "Arroyo Seco Loop NE". */
    private static final String DIRECTION_AFTER = "(?-i:(?: (?:N|S|E|W|NE|NW|SE|SW)\\b(?!['’-])))?";
    /** Road types that take a route number or letter after them: "County Road 73", "Cty Rd K", "Highway 12". */
    private static final String ROUTE_NUMBER = "(?:(?<=road|rd|highway|hwy)(?: \\d{1,4}[a-z]?\\b| [b-hj-z]\\b(?!')))?";
    /** A word of a street name: not a time ("3:45 pm with Dr. Chen") nor a function word. */
    private static final String STREET_WORD = "(?!(?:with|by|to|from|and|see|at|for|the|of|am|pm|an|in|on|is|or)\\b)"
            + "(?-i:(?!a\\b))"
            + "[a-z0-9][a-z0-9'.]*";

    private static final Pattern ADDRESS = Pattern.compile(
            "\\b" + HOUSE_NUMBER + " (?:(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\\.? )?"
                    + "(?:(?:" + STREET_WORD + "(?: " + STREET_WORD + "){0,2} " + STREET + ")|broadway)\\b"
                    + ROUTE_NUMBER + "\\.?"
                    + DIRECTION_AFTER + UNITS
                    + "|\\b(?:p\\.? ?o\\.?|post office) (?:box|drawer) (?:\\d+|" + NW + "(?: " + NW + "){0,6})\\b"
                    + "|\\bp\\.? ?o\\.? ?b\\.? \\d+\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * A rural route or highway contract box, the address of many rural patients ("RR 6 Box 16", "HC 74 Box 1204"), and
     * a military postal box ("PSC 3366, Box 4220").
     */
    private static final Pattern RURAL_BOX = Pattern.compile(
            "\\b(?:rural route|r\\.r\\.|rr|hc|highway contract(?: route)?" + "|star route|psc|cmr) ?#?(?:\\d{1,4}|" + NW
                    + "),? box (?:\\d{1,6}|" + NW + "(?:[ -]" + NW + "){0,5})\\b",
            Pattern.CASE_INSENSITIVE);
    /** Street types written before the street's name, as in Spanish, Italian and French ("Calle del Sol"). */
    private static final AsciiWordSet PREFIX_STREET_WORDS = new AsciiWordSet(List.of(
            "calle",
            "camino",
            "paseo",
            "via",
            "avenida",
            "rue",
            "plaza",
            "placita",
            "corte",
            "circulo",
            "vereda",
            "caminito",
            "entrada",
            "alameda",
            "callejon",
            "carretera",
            "rua",
            "viale",
            "piazza",
            "chemin",
            "allee"));
    /** What follows "via" in ordinary speech ("send it via fax"): never a street's name. */
    private static final String NOT_A_STREET_NAME = "(?!(?:fax|e-?mail|text|mail|phone|portal|chat|app|ups|fedex|usps"
            + "|mychart|message|the|a|an|our|your|my)\\b)";
    /** A unit word ends a street's name written after its type: "Calle Real Bldg 1 Apt 8". */
    private static final String NOT_A_UNIT =
            "(?!(?:apt|apartment|unit|bldg|building|ste|suite|fl|floor|rm|room|lot|spc|space" + "|trlr|number|no)\\b)";
    /** A house number, a direction, a street type before the name, one to four words of the name, a unit. */
    private static final Pattern PREFIX_ADDRESS = Pattern.compile(
            "\\b" + HOUSE_NUMBER + " "
                    + "(?:(?:n|s|e|w|ne|nw|se|sw|north|south|east|west|northeast|northwest|southeast|southwest)\\.? )?"
                    + "(?:calle|camino|paseo|via|avenida|rue|plaza|placita|corte|circulo|vereda|caminito|entrada|alameda|callejon"
                    + "|carretera|rua|viale|piazza|chemin|allee) " + NOT_A_STREET_NAME + STREET_WORD + "(?: "
                    + NOT_A_UNIT + STREET_WORD
                    + "){0,3}"
                    + UNITS,
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CITY_AFTER_ADDRESS = Pattern.compile(
            "^(?:,\\s*|\\s+in\\s+|\\s+)((?:[A-Za-z][A-Za-z.'-]*)(?:\\s+[A-Za-z][A-Za-z.'-]*){0,2}?)(?=,?\\s+(?:(?i:"
                    + STATE_NAMES + ")|(?:" + STATE_CODES + "))\\b|, ?(?i:" + STATE_CODES + ")\\b|[.,]?\\s*$|\\.\\s"
                    + "|,?\\s+\\d{5}(?:-\\d{4})?\\b|[.,]?[ \\t]*\\r?\\n)");
    /** The end of a line right after a city: "Location: 73 E Chinaberry Circle, Kensington⏎". */
    private static final Pattern LINE_END = Pattern.compile("[.,]?[ \\t]*\\r?\\n");
    /** A ZIP code right after a city, with no state between ("Cicero, 70296"). */
    private static final Pattern ZIP_AFTER_CITY = Pattern.compile(",?\\s+(\\d{5}(?:-\\d{4})?)\\b");

    private static final Pattern WHEREABOUTS = Pattern.compile(
            "\\b(?i:moved (?:here )?from|just moved to|moving to|live in|living in|clinic in|lab in|office in|located in|i am in"
                    + "|i'm in)"
                    + " ([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?|[a-z]+(?=\\s*$|[.,?!]))");

    static final Set<String> STATE_NAME_SET =
            Set.of(STATE_NAMES.toLowerCase(Locale.ROOT).split("\\|"));
    /** {@link #STATE_NAME_SET} for words asked in place: the one-word state names. */
    static final AsciiWordSet STATE_NAME_WORDS = new AsciiWordSet(STATE_NAME_SET);

    static final Set<String> STATE_CODE_SET = Set.of(STATE_CODES.split("\\|"));

    // ---------------------------------------------------------------- addresses, cities, ZIP codes

    static void addresses(String text, int[] wordStarts, Candidates out) {
        if (TextScan.indexOfIgnoreCase(text, "box", 0) < text.length()) {
            // RURAL_BOX opens with \\b and the first letter of one of its words: tried at those word starts only.
            for (MatchResult m : StartFilter.all(RURAL_BOX, text, wordStarts, RURAL_BOX_FIRST)) {
                addressWithCity(text, m.start(), m.end(), out);
            }
        }
        StreetWords streetWords = StreetWords.of(text, wordStarts);
        for (MatchResult m :
                StartFilter.all(ADDRESS, text, addressStarts(text, wordStarts, streetWords.types()), ADDRESS_FIRST)) {
            String value = m.group().toLowerCase(Locale.ROOT);
            if (NUMBER_THEN_DR_OR_ST.test(value)
                    && !NUMBER_THEN_DR_OR_ST_AND_A_WORD.test(value)
                    && value.length() < 8) {
                continue;
            }
            addressWithCity(text, m.start(), TextScan.trimEnd(text, m.start(), m.end()), out);
        }
        int[] prefixStreets = streetWords.prefixTypes();
        if (prefixStreets.length > 0) {
            for (MatchResult m : StartFilter.all(
                    PREFIX_ADDRESS, text, TextScan.startsWithin(wordStarts, prefixStreets, 60), ADDRESS_FIRST)) {
                addressWithCity(text, m.start(), capitalizedNameEnd(text, m.start(), m.end()), out);
            }
        }
        for (MatchResult whereabouts :
                StartFilter.all(WHEREABOUTS, text, wordStarts, WHEREABOUTS_FIRST, at -> startsWhereabouts(text, at))) {
            String city = whereabouts.group(1);
            if (!isStateOnly(city) && !NameRecognizer.NOT_NAMES.contains(city.toLowerCase(Locale.ROOT))) {
                out.add(whereabouts.start(1), whereabouts.end(1), PhiKind.CITY, 52);
            }
        }
        zips(text, wordStarts, out);
    }

    /** ZIP codes after a state ("Austin, TX 78701"): tried only where five digits after a blank are ahead. */
    private static void zips(String text, int[] wordStarts, Candidates out) {
        int[] zipDigits = zipDigits(text, wordStarts);
        if (zipDigits.length == 0) {
            return; // the start test below would refuse every position
        }
        int[] next = {0}; // index of the first five digits after the positions asked, which only grow
        // Each alternative of ZIP opens with a comma or with \\b and a letter (an ASCII word start).
        StartFilter zips = new StartFilter(ZIP, text, withCommas(text, wordStarts), ZIP_FIRST, at -> {
            while (next[0] < zipDigits.length && zipDigits[next[0]] <= at) {
                next[0]++;
            }
            // A state of at most 14 letters and a comma end where the blanks before the digits start.
            if (next[0] == zipDigits.length) {
                return false;
            }
            int blanks = TextScan.blanksBefore(text, zipDigits[next[0]]);
            return blanks - at <= 17 && UsStates.mayPrecedeZip(text, at, blanks);
        });
        while (zips.find()) {
            Matcher zip = zips.matcher();
            out.add(zip.start(1), zip.end(1), PhiKind.ZIP, 73);
        }
    }

    /** The street line {@code [start, end)}, and the city after it when one follows before a state or the end. */
    private static void addressWithCity(String text, int start, int end, Candidates out) {
        out.add(start, end, PhiKind.ADDRESS, 75);
        Matcher city = CITY_AFTER_ADDRESS.matcher(text).region(end, text.length());
        if (city.lookingAt()) {
            String name = city.group(1);
            // Where the street line has capitals, a city without one is an ordinary word ("12 Via Estrella now").
            boolean casesAgree = Character.isUpperCase(name.charAt(0))
                    || text.substring(start, end)
                            .equals(text.substring(start, end).toLowerCase(Locale.ROOT));
            // Without a state after it, an everyday word is no town: "12 elm street thanks".
            int after = city.end(1);
            boolean stateAfter =
                    !(text.length() - after <= 4 && text.substring(after).matches("[.,]?\\s*")
                            || after + 1 < text.length()
                                    && text.charAt(after) == '.'
                                    && Character.isWhitespace(text.charAt(after + 1)));
            // A ZIP code without a state before it makes any number after a street line a ZIP: the gazetteer decides.
            Matcher zip = ZIP_AFTER_CITY.matcher(text).region(after, text.length());
            boolean zipAfter = zip.lookingAt();
            // A line ending after the city is the street line's end too: the city must be no everyday word or a place.
            boolean lineEnd = !zipAfter
                    && LINE_END.matcher(text).region(after, text.length()).lookingAt()
                    && UsStates.codeAfter(text, after) == null;
            boolean fits = zipAfter
                    ? PlaceRecognizer.isPlaceName(name)
                    : lineEnd
                            ? PlaceRecognizer.isPlaceName(name) || !EverydayWords.allEveryday(name)
                            : stateAfter || !EverydayWords.allEveryday(name);
            if (!name.isBlank() && casesAgree && !STATE_AT_END.matcher(name).matches() && fits) {
                out.add(city.start(1), withoutFullStop(text, city.start(1), city.end(1)), PhiKind.CITY, 74);
                if (zipAfter) {
                    out.add(zip.start(1), zip.end(1), PhiKind.ZIP, 73);
                }
            }
        }
    }

    /** UNIT_WORD's words without their full stops: a lower-case one goes on a capitalized street line ("number 846"). */
    private static final Set<String> UNIT_WORDS = Set.of(
            "apt",
            "apartment",
            "unit",
            "bldg",
            "building",
            "ste",
            "suite",
            "fl",
            "floor",
            "rm",
            "room",
            "lot",
            "spc",
            "space",
            "trlr",
            "trailer",
            "number",
            "no");

    /** Small words inside a street's name ("Paseo de la Reina", "Calle del Sol"). */
    private static final Set<String> NAME_PARTICLES =
            Set.of("de", "del", "la", "las", "los", "el", "di", "da", "du", "des", "le", "lo", "dei", "della");

    /**
     * Where a prefix-type address ends: a street type written with a capital is followed by a capitalized name, so the
     * name ends before the first lower-case word that is no particle ("2382 Via Estrella now"); in lower-case speech the
     * match stands as found.
     */
    private static int capitalizedNameEnd(String text, int start, int end) {
        int typeAt = start;
        while (typeAt < end && !RegexText.isLetter(text.charAt(typeAt))) {
            typeAt++; // past the house number
        }
        int at = typeAt;
        int wordEnd = TextScan.letterRunEnd(text, at);
        // Skip a direction ("Northwest") and the street type itself: the name starts after them.
        while (at < end && !PREFIX_STREET_WORDS.containsLetters(text, at, wordEnd)) {
            at = nextWord(text, wordEnd, end);
            wordEnd = at < end ? TextScan.letterRunEnd(text, at) : end;
        }
        if (at >= end || !Character.isUpperCase(text.charAt(at))) {
            return TextScan.trimEnd(text, start, end);
        }
        int nameEnd = wordEnd;
        for (int word = nextWord(text, wordEnd, end); word < end; word = nextWord(text, wordEnd, end)) {
            wordEnd = Math.max(word + 1, TextScan.letterRunEnd(text, word));
            boolean capitalized = Character.isUpperCase(text.charAt(word))
                    || Character.isDigit(text.charAt(word))
                    || text.charAt(word) == '#';
            String lower = text.substring(word, wordEnd).toLowerCase(Locale.ROOT);
            if (!capitalized && !NAME_PARTICLES.contains(lower) && !UNIT_WORDS.contains(lower)) {
                break;
            }
            nameEnd = wordEnd;
            while (nameEnd < end && !Character.isWhitespace(text.charAt(nameEnd))) {
                nameEnd++; // a unit's number or "#204" as a whole
            }
        }
        return TextScan.trimEnd(text, start, nameEnd);
    }

    /** The start of the word after {@code from} (past blanks and a comma), or {@code end}. */
    private static int nextWord(String text, int from, int end) {
        int at = from;
        while (at < end && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == ',')) {
            at++;
        }
        return at;
    }

    /**
     * The end of a city's name without the full stop that ends the sentence after it ("in Tuscaloosa."); an abbreviated
     * last word of up to three letters keeps its own ("Port St.").
     */
    private static int withoutFullStop(String text, int start, int end) {
        if (end - start < 2 || text.charAt(end - 1) != '.') {
            return end;
        }
        int wordStart = end - 1;
        while (wordStart > start && text.charAt(wordStart - 1) != ' ') {
            wordStart--;
        }
        return end - 1 - wordStart <= 3 ? end : end - 1;
    }

    /**
     * The word starts where a street type stands, found in one walk over the words: {@code types} after a space, as
     * ADDRESS ends (STREET's words and "broadway"), and {@code prefixTypes} written before the name ("Calle", "Via").
     * Each is the whole run of ASCII letters there; both ascending.
     */
    private record StreetWords(int[] types, int[] prefixTypes) {
        static StreetWords of(String text, int[] wordStarts) {
            Positions types = new Positions();
            Positions prefixTypes = new Positions();
            for (int at : wordStarts) {
                char first = text.charAt(at);
                if (!RegexText.isLetter(first)
                        || !STREET_WORDS.mayStartWith(first) && !PREFIX_STREET_WORDS.mayStartWith(first)) {
                    continue;
                }
                int end = TextScan.letterRunEnd(text, at);
                if (at > 0 && text.charAt(at - 1) == ' ' && STREET_WORDS.containsLetters(text, at, end)) {
                    types.add(at);
                }
                if (PREFIX_STREET_WORDS.containsLetters(text, at, end)) {
                    prefixTypes.add(at);
                }
            }
            return new StreetWords(types.toArray(), prefixTypes.toArray());
        }
    }

    /** WHEREABOUTS' phrases, each with the space that follows it there. */
    private static final List<String> WHEREABOUTS_PHRASES = List.of(
            "moved from ",
            "moved here from ",
            "just moved to ",
            "moving to ",
            "live in ",
            "living in ",
            "clinic in ",
            "lab in ",
            "office in ",
            "located in ",
            "i am in ",
            "i'm in ");

    /** WHEREABOUTS_PHRASES by first letter, 'a' to 'z'. */
    private static final String[][] WHEREABOUTS_BY_FIRST = new String[26][];

    static {
        for (char letter = 'a'; letter <= 'z'; letter++) {
            char first = letter;
            WHEREABOUTS_BY_FIRST[letter - 'a'] = WHEREABOUTS_PHRASES.stream()
                    .filter(phrase -> phrase.charAt(0) == first)
                    .toArray(String[]::new);
        }
    }

    /** What WHEREABOUTS needs at its start: one of its phrases and a space, in any ASCII case. */
    private static boolean startsWhereabouts(String text, int at) {
        char first = text.charAt(at);
        if (!RegexText.isLetter(first)) {
            return false;
        }
        for (String phrase : WHEREABOUTS_BY_FIRST[(first | 0x20) - 'a']) {
            if (RegexText.regionMatchesIgnoringCase(text, at, phrase)) {
                return true;
            }
        }
        return false;
    }

    /**
     * STREET's words and "broadway": ADDRESS's house number is followed, after words and spaces, by one of them as a
     * whole run of letters ({@code \\b} after it).
     */
    static final AsciiWordSet STREET_WORDS =
            new AsciiWordSet(List.of(("broadway|" + STREET.substring(3, STREET.length() - 1)).split("\\|")));

    /**
     * The word starts where ADDRESS can match: a post office box, or a house number (digits or number words) with a
     * street word after it and only what the number, direction and street-name words can hold in between (ASCII letters
     * and digits, spaces, full stops and apostrophes). Numbers in running text are not handed to the pattern, which
     * backtracks through every count of number words there. The street words are found once; from each, the run of
     * such characters before it is walked back once.
     */
    private static int[] addressStarts(String text, int[] wordStarts, int[] streets) {
        int[] runStarts = new int[streets.length]; // where the run of address characters ending at each street starts
        for (int k = 0; k < streets.length; k++) {
            int start = streets[k];
            while (start > 0 && isStreetPathChar(text.charAt(start - 1))) {
                start--;
            }
            runStarts[k] = start;
        }
        Positions found = new Positions();
        int next = 0; // the first street word after the word start asked
        for (int at : wordStarts) {
            while (next < streets.length && streets[next] <= at) {
                next++;
            }
            boolean streetAhead = next < streets.length && runStarts[next] <= at;
            if (startsPoBox(text, at) || streetAhead && startsAddressNumber(text, at)) {
                found.add(at);
            }
        }
        return found.toArray();
    }

    private static boolean isStreetPathChar(char c) {
        return TextScan.isAsciiAlnum(c) || c == ' ' || c == '.' || c == '\'' || c == '-' || c == '/';
    }

    /** The word starts and the commas of the text, ascending. */
    private static int[] withCommas(String text, int[] wordStarts) {
        Positions merged = new Positions();
        int next = 0;
        for (int comma = text.indexOf(','); ; comma = text.indexOf(',', comma + 1)) {
            int until = comma < 0 ? text.length() : comma;
            while (next < wordStarts.length && wordStarts[next] < until) {
                merged.add(wordStarts[next++]);
            }
            if (comma < 0) {
                return merged.toArray();
            }
            merged.add(comma);
        }
    }

    /**
     * Where five digits follow a blank ({@code \\s}): the only places ZIP's {@code ,?\\s+(\\d{5}...)} can reach. A digit
     * after a blank starts an ASCII word, so only the word starts are asked; they ascend.
     */
    private static int[] zipDigits(String text, int[] wordStarts) {
        Positions found = new Positions();
        for (int at : wordStarts) {
            if (at > 0 && at + 5 <= text.length() && RegexText.isBlank(text.charAt(at - 1)) && fiveDigits(text, at)) {
                found.add(at);
            }
        }
        return found.toArray();
    }

    private static boolean fiveDigits(String text, int at) {
        for (int i = at; i < at + 5; i++) {
            if (!TextScan.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether ADDRESS's house number can start here: a number word ({@link TextScan#startsNumber}), one to six digits
     * (perhaps a hyphen and more digits) followed by a space, or a grid number's direction letter and digits.
     */
    private static boolean startsAddressNumber(String text, int at) {
        int from = at;
        if ("nsewNSEW".indexOf(text.charAt(at)) >= 0
                && at + 1 < text.length()
                && TextScan.isDigit(text.charAt(at + 1))) {
            from = at + 1;
        } else if (!TextScan.isDigit(text.charAt(at))) {
            return TextScan.startsNumber(text, at);
        }
        int end = from;
        while (end < text.length() && TextScan.isDigit(text.charAt(end))) {
            end++;
        }
        if (from == at
                && end + 1 < text.length()
                && text.charAt(end) == '-'
                && TextScan.isDigit(text.charAt(end + 1))) {
            end++;
            while (end < text.length() && TextScan.isDigit(text.charAt(end))) {
                end++;
            }
        }
        return end - at <= 11 && end < text.length() && text.charAt(end) == ' ';
    }

    /** What {@code p\\.? ?o}, the start of ADDRESS's post office box, needs here, told without the regex. */
    private static boolean startsPoBox(String text, int at) {
        if ((text.charAt(at) | 0x20) != 'p') {
            return false;
        }
        int next = at + 1;
        if (next < text.length() && text.charAt(next) == '.') {
            next++;
        }
        if (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        return next < text.length() && (text.charAt(next) | 0x20) == 'o';
    }

    /**
     * Whether the value is a state name (any case) or code (upper case) and nothing else: what matching
     * {@code (?i:STATE_NAMES)|STATE_CODES} decides, by set lookups. The regex folds ASCII case only, hence the ASCII test.
     */
    static boolean isStateOnly(String value) {
        return STATE_CODE_SET.contains(value)
                || isAscii(value) && STATE_NAME_SET.contains(value.toLowerCase(Locale.ROOT));
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
