package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates, written ("3/14/1990") and spoken ("March the fourteenth"), and tells a date of birth from other dates by
 * the words around it.
 */
final class DateRecognizer {
    private DateRecognizer() {}

    /** "may be", "march one mile", "may the best win": "the" only when no day follows ("March the fourteenth" is a date). */
    private static final Predicate<String> MAY_OR_MARCH_AS_A_WORD = Pattern.compile(
                    "(?:may|march) (?:one|two|be|the(?! (?:[0-3]?\\d|[a-z]+(?:st|nd|rd|th)|twenty|thirty)\\b))\\b.*")
            .asMatchPredicate();

    private static final Predicate<String> DOSE_WORD_AFTER = Pattern.compile(
                    "^\\s*(?:tab|tablet|pill|cup|dose|of|mg|strength|teaspoon).*")
            .asMatchPredicate();

    private static final StartFilter.FirstChars MONTH_FIRST = StartFilter.FirstChars.of("jfmasondJFMASOND", false);
    private static final StartFilter.FirstChars DAY_FIRST =
            StartFilter.FirstChars.of(TextScan.DIGITS + "efnostEFNOST", false);

    private static final String MONTH =
            "(?:january|february|march|april|may|june|july|august|september|october|november"
                    + "|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|may\\.|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?"
                    + "|dec\\.?)";
    private static final String ORDINAL_WORD = "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
            + "|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
            + "|thirtieth|(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))";
    private static final String DAY_WORD = "(?:(?:twenty|thirty)[- ](?:one|two|three|four|five|six|seven|eight|nine)"
            + "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
            + "|seventeen|eighteen|nineteen|twenty|thirty)";
    private static final String DAY = "(?:[0-3]?\\d(?:st|nd|rd|th)?\\b|" + ORDINAL_WORD + "\\b|" + DAY_WORD + "\\b)";
    private static final String UNIT = "(?:one|two|three|four|five|six|seven|eight|nine)";
    private static final String UNDER_HUNDRED = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]"
            + UNIT + "\\b)?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + UNIT
            + ")\\b";
    private static final String YEAR_WORDS =
            "(?:(?:nineteen|twenty) (?:oh |o )?" + UNDER_HUNDRED + "|two thousand(?: and)?(?: " + UNDER_HUNDRED + ")?)";
    /** A year of four digits, said in words, or of two digits after an apostrophe ('87). */
    private static final String YEAR = "(?:(?:19|20)\\d\\d\\b|'\\d\\d\\b|" + YEAR_WORDS + ")";

    private static final Pattern DATE_MONTH_FIRST = Pattern.compile(
            "\\b" + MONTH + "(?: the)? " + DAY + "(?:,? (?:of )?" + YEAR + ")?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_DAY_FIRST =
            Pattern.compile("\\b" + DAY + " of " + MONTH + "(?:,? " + YEAR + ")?", Pattern.CASE_INSENSITIVE);
    /** The day before the month, as most of the world writes it: "7 August", "11th March 2023", "03MAY1987". */
    private static final Pattern DATE_DAY_MONTH = Pattern.compile(
            "\\b([0-3]?\\d)(?:st|nd|rd|th)?(?: |-)?(?:the )?" + MONTH + "(?![a-z])(?:(?:,? ?|-)" + YEAR + ")?",
            Pattern.CASE_INSENSITIVE);
    /** "3 may": "may" is more often the verb than the month, unless a year follows. */
    private static final Predicate<String> DAY_AND_MAY_ALONE =
            Pattern.compile("\\d+(?:st|nd|rd|th)?[ -]?(?:the )?may\\.?").asMatchPredicate();
    // Asked of the match as written: "26 May, seen" is a date, "3 may be" a verb.
    /** A two-digit year after a month and day ("July 26 07"), taken only as part of a date of birth. */
    private static final Pattern TWO_DIGIT_YEAR_AFTER = Pattern.compile("^,? '?\\d\\d\\b");
    /** Day, month and four-digit year joined by full stops, as much of Europe writes them: "05.03.1987". */
    private static final Pattern DATE_DOTTED =
            Pattern.compile("(?<![\\d.])([0-3]?\\d)\\.([01]?\\d)\\.((?:19|20)\\d\\d)(?!\\d|\\.\\d)");

    private static final Pattern DATE_MONTH_YEAR = Pattern.compile(
            "\\b" + MONTH + ",? (?:of )?(?:(?:19|20)\\d\\d\\b|" + YEAR_WORDS + ")", Pattern.CASE_INSENSITIVE);
    private static final String MONTH_PREFIX_LIST = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final Pattern MAY_DAY = Pattern.compile("may (?:the )?(?:\\d|" + ORDINAL_WORD + ").*");
    private static final Pattern DATE_NUMERIC = Pattern.compile(
            "(?<![\\d/.-])(?:(\\d{1,2})[/-](\\d{1,2})(?:[/-](\\d{4}|\\d{2}))?|(\\d{4})-(\\d{2})-(\\d{2}))(?![\\d/-]|\\.\\d)");
    private static final Pattern DOB_BEFORE = Pattern.compile(
            "(?:birth(?: ?date)?|born|dob|d\\.o\\.b|d o b|birthday|b-day)(?:\\W{1,12}[a-z]{1,3}){0,2}\\W{0,12}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOB_AFTER = Pattern.compile(
            "^\\W{0,3}(?:as|is|for)? ?(?:your|my|his|her|the)? ?(?:date of birth|birth ?date|birthday|dob)",
            Pattern.CASE_INSENSITIVE);

    // ---------------------------------------------------------------- dates

    static void dates(String text, int[] wordStarts, Candidates out) {
        int[] monthStarts = monthStarts(text, wordStarts);
        // A day is at most 14 characters, and no " of " is part of one: the first " of " after it is DAY_FIRST's.
        int[] daysBeforeMonths = TextScan.startsWithin(wordStarts, ofMonths(text), 20);
        List<StartFilter> searches = List.of(
                new StartFilter(DATE_MONTH_FIRST, text, monthStarts, MONTH_FIRST),
                new StartFilter(DATE_DAY_FIRST, text, daysBeforeMonths, DAY_FIRST, at -> isDayStart(text.charAt(at))),
                new StartFilter(DATE_MONTH_YEAR, text, monthStarts, MONTH_FIRST));
        for (StartFilter search : searches) {
            while (search.find()) {
                Matcher m = search.matcher();
                String value = m.group().toLowerCase(Locale.ROOT);
                if (value.contains("fourth of july")
                        || value.contains("4th of july")
                        || MAY_OR_MARCH_AS_A_WORD.test(value)) {
                    continue;
                }
                if (value.startsWith("may ") && !MAY_DAY.matcher(value).matches()) {
                    continue;
                }
                if (value.startsWith("november") && SpellingAlphabet.wordBefore(text, m.start())) {
                    continue; // "sierra november four four two one" spells a serial
                }
                int end = TextScan.trimEnd(text, m.start(), m.end());
                PhiKind kind = dateKind(text, m.start(), end);
                // A two-digit year joins a date of birth, whose cue may come before the date or after that year.
                Matcher year = TWO_DIGIT_YEAR_AFTER.matcher(text).region(end, text.length());
                if (year.lookingAt()
                        && !value.matches(".*\\d{4}.*")
                        && (kind == PhiKind.DOB || dateKind(text, m.start(), year.end()) == PhiKind.DOB)) {
                    kind = PhiKind.DOB;
                    end = year.end();
                }
                out.add(m.start(), end, kind, 70);
            }
        }
        dayFirstDates(text, wordStarts, out);
        StartFilter numeric = new StartFilter(DATE_NUMERIC, text, beforeDateSeparators(text), TextScan.DIGIT);
        while (numeric.find()) {
            Matcher n = numeric.matcher();
            int month = n.group(1) != null ? Integer.parseInt(n.group(1)) : Integer.parseInt(n.group(5));
            int day = n.group(1) != null ? Integer.parseInt(n.group(2)) : Integer.parseInt(n.group(6));
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                continue;
            }
            if (n.group(1) != null
                    && n.group(3) == null
                    && (n.group().contains("-") || nextWordIsUnit(text, n.end()))) {
                continue;
            }
            out.add(n.start(), n.end(), dateKind(text, n.start(), n.end()), 72);
        }
    }

    /**
     * Dates with the day before the month ("7 August", "03MAY1987") and dotted ("05.03.1987"); a day above 31 or a
     * month above 12 is none. Tried only at the word starts that begin with a digit.
     */
    private static void dayFirstDates(String text, int[] wordStarts, Candidates out) {
        Positions digitStarts = new Positions();
        for (int at : wordStarts) {
            if (TextScan.isDigit(text.charAt(at))) {
                digitStarts.add(at);
            }
        }
        int[] starts = digitStarts.toArray();
        if (starts.length == 0) {
            return;
        }
        StartFilter dayMonth =
                new StartFilter(DATE_DAY_MONTH, text, starts, TextScan.DIGIT, at -> monthFollowsDay(text, at));
        while (dayMonth.find()) {
            Matcher m = dayMonth.matcher();
            int day = Integer.parseInt(m.group(1));
            if (day >= 1 && day <= 31 && !DAY_AND_MAY_ALONE.test(m.group())) {
                int end = TextScan.trimEnd(text, m.start(), m.end());
                out.add(m.start(), end, dateKind(text, m.start(), end), 70);
            }
        }
        StartFilter dotted = new StartFilter(
                DATE_DOTTED,
                text,
                starts,
                TextScan.DIGIT,
                at -> at + 2 < text.length() && (text.charAt(at + 1) == '.' || text.charAt(at + 2) == '.'));
        while (dotted.find()) {
            Matcher m = dotted.matcher();
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
                out.add(m.start(), m.end(), dateKind(text, m.start(), m.end()), 72);
            }
        }
    }

    /**
     * A necessary condition for DATE_DAY_MONTH at {@code at}: after one or two digits, an ordinal suffix, a blank or
     * dash and "the ", a month's first three letters.
     */
    private static boolean monthFollowsDay(String text, int at) {
        int i = at + 1;
        if (i < text.length() && TextScan.isDigit(text.charAt(i))) {
            i++;
        }
        for (int tries = 0; tries < 2; tries++) {
            if (i + 3 <= text.length() && isMonthPrefix(text.charAt(i), text.charAt(i + 1), text.charAt(i + 2))) {
                return true;
            }
            if (i + 2 < text.length() && RegexText.isLetter(text.charAt(i)) && RegexText.isLetter(text.charAt(i + 1))) {
                i += 2; // an ordinal suffix: "11th March"
            }
            if (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
                i++;
            }
            if (text.startsWith("the ", i)) {
                i += 4;
            }
        }
        return false;
    }

    /**
     * Where " of " (any case) is followed by a month's first three letters, ascending: the only places DATE_DAY_FIRST's
     * " of " MONTH can be. Its month may end inside a longer word ("5 of mar" in "5 of marching"), so only the first
     * three letters are asked.
     */
    private static int[] ofMonths(String text) {
        Positions found = new Positions();
        for (int at = TextScan.indexOfIgnoreCase(text, " of ", 0);
                at + 7 <= text.length();
                at = TextScan.indexOfIgnoreCase(text, " of ", at + 1)) {
            if (isMonthPrefix(text.charAt(at + 4), text.charAt(at + 5), text.charAt(at + 6))) {
                found.add(at);
            }
        }
        return found.toArray();
    }

    /** The word starts where a month name starts, ascending. */
    private static int[] monthStarts(String text, int[] wordStarts) {
        Positions found = new Positions();
        for (int at : wordStarts) {
            if (isMonthStart(text, at)) {
                found.add(at);
            }
        }
        return found.toArray();
    }

    /** The slashes and dashes of the text, in no particular order. */
    private static int[] separators(String text) {
        Positions found = new Positions();
        for (char separator : new char[] {'/', '-'}) {
            for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
                found.add(at);
            }
        }
        return found.toArray();
    }

    /** The digits one, two or four characters before a slash or dash, ascending: where a numeric date can start. */
    private static int[] beforeDateSeparators(String text) {
        Positions found = new Positions();
        for (int at : separators(text)) {
            for (int back : new int[] {4, 2, 1}) {
                if (at - back >= 0 && TextScan.isDigit(text.charAt(at - back))) {
                    found.add(at - back);
                }
            }
        }
        return found.toSortedDistinctArray();
    }

    /** Whether a month name can start here: every alternative of MONTH starts with one of these three letters. */
    private static boolean isMonthStart(String text, int at) {
        return at + 3 <= text.length()
                && isMonthPrefix(text.charAt(at), text.charAt(at + 1), text.charAt(at + 2))
                && MONTH_WORDS.containsLetters(text, at, TextScan.letterRunEnd(text, at));
    }

    /**
     * MONTH's alternatives without their optional full stop. Each date pattern follows the month with a space, a
     * comma or a full stop, so a month matches the whole run of letters where it starts ("Mark", "decide" do not).
     */
    /** The months and their abbreviations, lower case, as the date patterns and the spoken view read them. */
    static final List<String> MONTH_NAMES = List.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec");

    private static final AsciiWordSet MONTH_WORDS = new AsciiWordSet(MONTH_NAMES);

    /** Whether the three characters, ASCII letters in any case, are a month's first three: told without a copy. */
    private static boolean isMonthPrefix(char a, char b, char c) {
        return RegexText.isLetter(a)
                && RegexText.isLetter(b)
                && RegexText.isLetter(c)
                && IS_MONTH_PREFIX[letterIndex(a) * 26 * 26 + letterIndex(b) * 26 + letterIndex(c)];
    }

    /** The months' first three letters as a table of three letters, 'a' to 'z' each: asked at every word start. */
    private static final boolean[] IS_MONTH_PREFIX = new boolean[26 * 26 * 26];

    static {
        for (int i = 0; i < MONTH_PREFIX_LIST.length(); i += 3) {
            IS_MONTH_PREFIX[
                    letterIndex(MONTH_PREFIX_LIST.charAt(i)) * 26 * 26
                            + letterIndex(MONTH_PREFIX_LIST.charAt(i + 1)) * 26
                            + letterIndex(MONTH_PREFIX_LIST.charAt(i + 2))] = true;
        }
    }

    /** 0 to 25 for an ASCII letter in either case. */
    private static int letterIndex(char letter) {
        return (letter | 0x20) - 'a';
    }

    /** A day of the month starts with a digit or the first letter of a number word ("first", "twenty", "one"). */
    private static boolean isDayStart(char c) {
        return c >= '0' && c <= '9' || "efnostEFNOST".indexOf(c) >= 0;
    }

    private static boolean nextWordIsUnit(String text, int end) {
        String after = text.substring(end, Math.min(text.length(), end + 12)).toLowerCase(Locale.ROOT);
        return DOSE_WORD_AFTER.test(after);
    }

    private static PhiKind dateKind(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 40), start);
        String after = text.substring(end, Math.min(text.length(), end + 30));
        boolean dobBefore = mayHoldDobWord(before) && DOB_BEFORE.matcher(before).find();
        return dobBefore
                        || mayStartWithDobWords(after)
                                && DOB_AFTER.matcher(after).lookingAt()
                ? PhiKind.DOB
                : PhiKind.DATE;
    }

    /** A necessary condition for DOB_AFTER: each of its phrases holds "birth" or "dob". */
    private static boolean mayStartWithDobWords(String after) {
        return TextScan.indexOfIgnoreCase(after, "birth", 0) < after.length()
                || TextScan.indexOfIgnoreCase(after, "dob", 0) < after.length();
    }

    /** A necessary condition for DOB_BEFORE: one of its words ("birth", "born", "dob", "d.o.b", "d o b", "b-day") is there. */
    private static boolean mayHoldDobWord(String before) {
        for (String word : List.of("birth", "born", "dob", "d.o.b", "d o b", "b-day")) {
            if (TextScan.indexOfIgnoreCase(before, word, 0) < before.length()) {
                return true;
            }
        }
        return false;
    }
}
