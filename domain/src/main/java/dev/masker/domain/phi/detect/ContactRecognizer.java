package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses, URLs and IP addresses, as written ("jane@example.com") and as spoken
 * ("jane at example dot com", "ten dot zero dot zero dot one").
 */
final class ContactRecognizer {
    private ContactRecognizer() {}

    private static final String NW = SpokenNumbers.WORD;

    // Patterns used with String.matches/replaceAll, compiled once: String.matches compiles its pattern on every call.
    private static final Predicate<String> DIGITS_AND_DOTS =
            Pattern.compile("[\\d.]+").asMatchPredicate();
    private static final Predicate<String> PAYMENT_OR_LOGIN_PATH =
            Pattern.compile(".*/(?:pay|forms|billing|login|schedule)\\W*").asMatchPredicate();

    private static final StartFilter.FirstChars ALNUM =
            StartFilter.FirstChars.of(TextScan.ASCII_LETTERS + TextScan.DIGITS, false);

    private static final StartFilter.FirstChars HEX =
            StartFilter.FirstChars.of(TextScan.DIGITS + "abcdefABCDEF", false);
    private static final StartFilter.FirstChars BLANK = StartFilter.FirstChars.of(" \t\n\u000B\f\r", false);
    private static final StartFilter.FirstChars LOCAL_PART =
            StartFilter.FirstChars.of(TextScan.ASCII_LETTERS + TextScan.DIGITS + "._%+-", false);
    private static final StartFilter.FirstChars HOST =
            StartFilter.FirstChars.of(TextScan.ASCII_LETTERS + TextScan.DIGITS + "-", false);
    /** A digit or the first letter of a number word ({@code SpokenNumbers.WORD}). */
    private static final StartFilter.FirstChars NUMBER =
            StartFilter.FirstChars.of(TextScan.DIGITS + "stfenhdzoSTFENHDZO", false);

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /**
     * An address written with blanks around its sign or with "at" for it before a written domain: "jsmith @ gmail.com",
     * "write jsmith at gmail.com" (the local part then holds a digit, full stop or underscore, or the address follows
     * an e-mail word).
     */
    private static final Pattern SPACED_EMAIL = Pattern.compile("(?i)(?<![\\w.@])([a-z0-9._%+-]+)(?: @ ?| ?@ | at )"
            + "([a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|edu|gov|us|io|co|me|info|biz|health))\\b");
    /** An address written to dodge harvesters: "jsmith [at] gmail [dot] com", "j.smith(at)yahoo.com". */
    private static final Pattern BRACKETED_EMAIL = Pattern.compile("(?i)[a-z0-9._%+-]+ ?[\\[(]at[\\])] ?[a-z0-9-]+"
            + "(?:(?: ?[\\[(]dot[\\])] ?|\\.)[a-z0-9-]+)*(?: ?[\\[(]dot[\\])] ?|\\.)[a-z]{2,}\\b");

    private static final Pattern SPOKEN_EMAIL_DOMAIN = Pattern.compile(
            "\\s+at\\s+((?:(?!at\\s)[a-z0-9]+\\s+){1,12}?)dot\\s+(?:com|net|org|edu|gov|us|io|co|info|biz)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String TLD = "(?:com|org|net|me|io|us|info|co|page|blog)";
    private static final AsciiWordSet TOP_LEVEL_DOMAINS =
            new AsciiWordSet(List.of(TLD.substring(3, TLD.length() - 1).split("\\|")));
    private static final Pattern URL = Pattern.compile(
            "\\b(?:https?://)?(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\." + TLD + "\\b(?:/[^\\s,;!?)\"]*)?",
            Pattern.CASE_INSENSITIVE);
    /** A spoken host's label: words joined by spoken hyphens and underscores ("ngoc dash ly"). */
    private static final String SPOKEN_LABEL = "[a-z0-9]+(?: (?:dash|hyphen|underscore) [a-z0-9]+)*";

    private static final Pattern SPOKEN_URL = Pattern.compile(
            "\\b(?:www dot )?" + SPOKEN_LABEL + "(?: dot " + SPOKEN_LABEL + ")* dot " + TLD + "\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 =
            Pattern.compile("(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d]|\\.\\d)");
    private static final Pattern IPV6 =
            Pattern.compile("(?<![\\w:])[0-9a-f]{1,4}(?:::?[0-9a-f]{1,4}){2,7}(?![\\w:])", Pattern.CASE_INSENSITIVE);
    private static final String IP_PART = "(?:\\d{1,3}|" + NW + "(?: " + NW + "){0,3})";
    private static final Pattern SPOKEN_IP = Pattern.compile(
            "\\b" + IP_PART + " dot " + IP_PART + " dot " + IP_PART + " dot " + IP_PART + "\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern URL_PATH =
            Pattern.compile("^ (?:slash|dot|dash|hyphen|underscore) ([a-z0-9]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_TAIL = Pattern.compile("^ (?:[a-z]|" + NW + ")\\b", Pattern.CASE_INSENSITIVE);

    // ---------------------------------------------------------------- e-mail, URL, IP

    static void emails(String text, Candidates out) {
        // Blanks around a sign, or "at" before a written domain: a full stop must follow an "at" for either.
        int spokenAt = TextScan.indexOfIgnoreCase(text, " at ", 0);
        if (text.contains(" @") || text.contains("@ ") || spokenAt < text.length() && text.indexOf('.', spokenAt) > 0) {
            Matcher spaced = SPACED_EMAIL.matcher(text);
            while (spaced.find()) {
                String local = spaced.group(1);
                int signAt = text.indexOf('@', spaced.end(1));
                boolean sign = signAt >= 0 && signAt < spaced.start(2);
                boolean handle = local.chars().anyMatch(c -> Character.isDigit(c) || c == '.' || c == '_');
                String before = text.substring(Math.max(0, spaced.start() - 30), spaced.start())
                        .toLowerCase(Locale.ROOT);
                if (sign || handle || before.contains("email") || before.contains("e-mail")) {
                    out.add(spaced.start(), spaced.end(), PhiKind.EMAIL, 90);
                }
            }
        }
        if (text.indexOf("at]") >= 0
                || text.indexOf("at)") >= 0
                || text.indexOf("AT]") >= 0
                || text.indexOf("AT)") >= 0) {
            for (MatchResult m : BRACKETED_EMAIL.matcher(text).results().toList()) {
                out.add(m.start(), m.end(), PhiKind.EMAIL, 90);
            }
        }
        IntPredicate localPart = c -> TextScan.isAsciiAlnum((char) c)
                || c == '.'
                || c == '_'
                || c == '%'
                || c == '+'
                || c == '-'
                || c == '\'';
        for (MatchResult m : StartFilter.all(
                EMAIL,
                text,
                StartFilter.runsUpTo(text, '@', localPart),
                LOCAL_PART,
                StartFilter.runReaches(text, '@', localPart))) {
            out.add(m.start(), TextScan.trimEnd(text, m.start(), m.end()), PhiKind.EMAIL, 90);
        }
        for (MatchResult spoken : StartFilter.all(
                SPOKEN_EMAIL_DOMAIN,
                text,
                blanksBeforeAt(text),
                BLANK,
                at -> RegexText.isBlank(text.charAt(at)) && atWordAfterBlanks(text, at))) {
            if (text.startsWith(" slash", spoken.end())) {
                continue; // "profile at facebook dot com slash ..." is a URL
            }
            int start = spoken.start();
            int localStart = start;
            int words = 0;
            String stop = "";
            int pos = start;
            while (words < 8) {
                while (pos > 0 && text.charAt(pos - 1) == ' ') {
                    pos--;
                }
                if (pos == 0 || !Character.isLetterOrDigit(text.charAt(pos - 1))) {
                    break;
                }
                int wordStart = pos;
                while (wordStart > 0
                        && (Character.isLetterOrDigit(text.charAt(wordStart - 1))
                                || "'’".indexOf(text.charAt(wordStart - 1)) >= 0
                                        && wordStart > 1
                                        && Character.isLetter(text.charAt(wordStart - 2)))) {
                    wordStart--; // "it's" is one word
                }
                String word =
                        text.substring(wordStart, pos).toLowerCase(Locale.ROOT).replace('’', '\'');
                if (EMAIL_STOP.contains(word)) {
                    stop = word;
                    break;
                }
                localStart = wordStart;
                pos = wordStart;
                words++;
            }
            // The address must follow a cue ("my email is", "send it to"), not any verb ("I paid online at ...").
            if (localStart < start && EMAIL_CUES.contains(stop)) {
                out.add(localStart, spoken.end(), PhiKind.EMAIL, 85);
            }
        }
    }

    private static final Set<String> EMAIL_CUES = TextScan.words(
            "is", "to", "email", "mail", "address", "at", "was", "use", "try", "it's", "its", "as", "under", "me",
            "from", "and", "");

    private static final Set<String> EMAIL_STOP = TextScan.words(
            "is", "its", "it's", "email", "mail", "address", "to", "my", "the", "was", "at", "me", "and", "send",
            "forms", "use", "try", "be", "or", "you", "can", "her", "his", "their", "our", "it", "of", "on", "with",
            "thanks", "that", "this", "new", "old", "please", "um", "uh", "yeah", "yes", "okay", "so", "but", "file",
            "have", "has", "i", "we", "under", "as", "for", "from");

    static void urls(String text, int[] wordStarts, int[] spokenDots, Candidates out) {
        // A match runs over scheme, host and dots ([A-Za-z0-9.:/-]) up to a full stop before its top-level domain, and
        // opens with \\b: before a letter or digit, only where no ASCII word character comes before it.
        IntPredicate urlChar = c -> TextScan.isAsciiAlnum((char) c) || c == '.' || c == ':' || c == '/' || c == '-';
        for (MatchResult m : StartFilter.all(
                URL,
                text,
                StartFilter.runsUpTo(text, topLevelDomainDots(text), urlChar),
                HOST,
                at -> text.charAt(at) == '-' || TextScan.isWordStart(text, at))) {
            if (m.start() > 0 && (text.charAt(m.start() - 1) == '@' || text.charAt(m.start() - 1) == '.')) {
                continue;
            }
            String url = m.group().toLowerCase(Locale.ROOT);
            if (isClinicUrl(url) || DIGITS_AND_DOTS.test(url)) {
                continue;
            }
            out.add(m.start(), TextScan.trimEnd(text, m.start(), m.end()), PhiKind.URL, 88);
        }
        for (MatchResult spoken : StartFilter.all(
                SPOKEN_URL,
                text,
                wordsBeforeDots(text, spokenDots),
                ALNUM,
                at -> alnumRunThenDot(text, at) || alnumRunThenJoiner(text, at))) {
            int end = spoken.end();
            // Follow the path: "slash in slash jane dash doe dash a f seven three".
            for (int path = matchEnd(URL_PATH, text, end); path >= 0; path = matchEnd(URL_PATH, text, end)) {
                end = path;
                for (int tail = tailEnd(text, end); tail >= 0; tail = tailEnd(text, end)) {
                    end = tail;
                }
            }
            String formatted = text.substring(spoken.start(), end)
                    .toLowerCase(Locale.ROOT)
                    .replace(" dot ", ".")
                    .replace(" slash ", "/")
                    .replace(" dash ", "-")
                    .replace(" hyphen ", "-")
                    .replace(" underscore ", "_");
            String before = text.substring(Math.max(0, spoken.start() - 30), spoken.start())
                    .toLowerCase(Locale.ROOT);
            if (!isClinicUrl(formatted) && !before.contains("mychart") && !before.contains("portal")) {
                out.add(spoken.start(), end, PhiKind.URL, 84);
            }
        }
    }

    /** The full stops followed by one of URL's top-level domains and then no ASCII word character, ascending. */
    private static int[] topLevelDomainDots(String text) {
        Positions found = new Positions();
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            int start = dot + 1;
            int end = start;
            while (end < text.length() && RegexText.isLetter(text.charAt(end))) {
                end++;
            }
            // \\b after the domain's last letter: the letters after the full stop are the domain, and no digit or _
            // follows.
            if ((end == text.length() || !RegexText.isWordChar(text.charAt(end)))
                    && TOP_LEVEL_DOMAINS.containsLetters(text, start, end)) {
                found.add(dot);
            }
        }
        return found.toArray();
    }

    private static boolean isClinicUrl(String url) {
        return url.contains("mychart.") || url.contains("portal") || PAYMENT_OR_LOGIN_PATH.test(url);
    }

    static void ips(String text, int[] wordStarts, int[] spokenDots, Candidates out) {
        for (MatchResult m : StartFilter.all(
                IPV4,
                text,
                StartFilter.before(text, '.', 3),
                TextScan.DIGIT,
                at -> TextScan.isDigit(text.charAt(at)) && charWithin(text, at, '.', 3))) {
            boolean valid = true;
            for (int g = 1; g <= 4; g++) {
                valid &= Integer.parseInt(m.group(g)) <= 255;
            }
            if (valid) {
                out.add(m.start(), m.end(), PhiKind.IP, 87);
            }
        }
        for (MatchResult v6 :
                StartFilter.all(IPV6, text, StartFilter.before(text, ':', 4), HEX, at -> mayStartIpv6(text, at))) {
            if (v6.group().contains("::")
                    || v6.group().chars().filter(c -> c == ':').count() >= 5) {
                out.add(v6.start(), v6.end(), PhiKind.IP, 87);
            }
        }
        // A " dot " follows the first number within four number words and their spaces.
        for (MatchResult spoken : StartFilter.all(
                SPOKEN_IP,
                text,
                TextScan.startsWithin(wordStarts, spokenDots, 45),
                NUMBER,
                at -> TextScan.startsNumber(text, at))) {
            out.add(spoken.start(), spoken.end(), PhiKind.IP, 86);
        }
    }

    /**
     * The end of the match of a {@code ^}-anchored pattern at {@code at}, as a search of {@code text.substring(at)}
     * finds it; -1 if there is none. Neither the substring nor the search of the rest of the text is made.
     */
    /**
     * The end of the word after a spoken URL's path at {@code at}: a letter, a number word, or a word that is no
     * everyday one ("slash debora estevez", but not "slash billing please"); -1 if none.
     */
    private static int tailEnd(String text, int at) {
        int tail = matchEnd(URL_TAIL, text, at);
        if (tail >= 0
                || at + 2 >= text.length()
                || text.charAt(at) != ' '
                || !RegexText.isLetter(text.charAt(at + 1))) {
            return tail;
        }
        int end = TextScan.letterRunEnd(text, at + 1);
        boolean wordEnds = end == text.length() || !RegexText.isWordChar(text.charAt(end));
        return wordEnds && end - at > 2 && !EverydayWords.allEveryday(text.substring(at + 1, end)) ? end : -1;
    }

    private static int matchEnd(Pattern anchored, String text, int at) {
        Matcher m = anchored.matcher(text).region(at, text.length());
        return m.lookingAt() ? m.end() : -1;
    }

    /**
     * A necessary condition for IPV6 at {@code at}: its first group, one to four hex digits that are the whole run of hex
     * digits there (the next character must be a colon), then one or two colons and a hex digit.
     */
    private static boolean mayStartIpv6(String text, int at) {
        int end = at;
        while (end < text.length() && end - at <= 4 && isHexDigit(text.charAt(end))) {
            end++;
        }
        if (end == at || end - at > 4 || end >= text.length() || text.charAt(end) != ':') {
            return false;
        }
        int next = end + 1 < text.length() && text.charAt(end + 1) == ':' ? end + 2 : end + 1;
        return next < text.length() && isHexDigit(text.charAt(next));
    }

    private static boolean isHexDigit(char c) {
        return TextScan.isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Whether the character {@code c} is among the {@code span} characters after {@code at}. */
    private static boolean charWithin(String text, int at, char c, int span) {
        for (int i = at + 1; i <= at + span && i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    /** The blanks of each run of them that is followed by "at" and a blank, ascending: where a spoken address can start. */
    private static int[] blanksBeforeAt(String text) {
        Positions found = new Positions();
        // Only 'a' and 'A' equal the a of "at" ignoring case, so String.indexOf finds every candidate.
        int lower = text.indexOf('a');
        int upper = text.indexOf('A');
        while (lower >= 0 || upper >= 0) {
            int a = lower < 0 ? upper : upper < 0 ? lower : Math.min(lower, upper);
            if (a == lower) {
                lower = text.indexOf('a', a + 1);
            } else {
                upper = text.indexOf('A', a + 1);
            }
            int start = TextScan.blanksBefore(text, a);
            if (start < a && atWordAfterBlanks(text, start)) {
                found.addRange(start, a);
            }
        }
        return found.toArray();
    }

    /** Where a spoken address can start: blanks, then "at", then a blank. */
    private static boolean atWordAfterBlanks(String text, int at) {
        int word = at;
        while (word < text.length() && RegexText.isBlank(text.charAt(word))) {
            word++;
        }
        return word + 2 < text.length()
                && text.regionMatches(true, word, "at", 0, 2)
                && RegexText.isBlank(text.charAt(word + 2));
    }

    /** Where " dot " (any case) starts, ascending. */
    static int[] spokenDots(String text) {
        Positions found = new Positions();
        for (int at = TextScan.indexOfIgnoreCase(text, " dot ", 0);
                at < text.length();
                at = TextScan.indexOfIgnoreCase(text, " dot ", at + 1)) {
            found.add(at);
        }
        return found.toArray();
    }

    /**
     * The word starts whose run of ASCII letters and digits ends where a " dot " starts, and the starts of the words
     * joined to such a run by a spoken hyphen or underscore ("ngoc" of "ngoc dash ly dot"), ascending.
     */
    private static int[] wordsBeforeDots(String text, int[] dots) {
        Positions found = new Positions();
        for (int dot : dots) {
            int start = dot;
            while (start > 0 && TextScan.isAsciiAlnum(text.charAt(start - 1))) {
                start--;
            }
            if (start < dot && TextScan.isWordStart(text, start)) {
                found.add(start);
                for (int joined = joinedBefore(text, start); joined > 0; joined = joinedBefore(text, joined)) {
                    found.add(joined);
                }
            }
        }
        return found.toSortedDistinctArray();
    }

    private static final List<String> SPOKEN_JOINERS = List.of(" dash ", " hyphen ", " underscore ");

    /**
     * The start of the word that a spoken hyphen or underscore joins to the word at {@code at} ("ngoc" before
     * " dash ly"), or 0 when none does.
     */
    private static int joinedBefore(String text, int at) {
        for (String joiner : SPOKEN_JOINERS) {
            int joinerStart = at - joiner.length();
            if (joinerStart > 0 && text.regionMatches(true, joinerStart, joiner, 0, joiner.length())) {
                int start = joinerStart;
                while (start > 0 && TextScan.isAsciiAlnum(text.charAt(start - 1))) {
                    start--;
                }
                return start < joinerStart && TextScan.isWordStart(text, start) ? start : 0;
            }
        }
        return 0;
    }

    /** Whether the letters and digits from {@code at} are followed by a spoken hyphen or underscore. */
    private static boolean alnumRunThenJoiner(String text, int at) {
        int end = at;
        while (end < text.length() && TextScan.isAsciiAlnum(text.charAt(end))) {
            end++;
        }
        for (String joiner : SPOKEN_JOINERS) {
            if (text.regionMatches(true, end, joiner, 0, joiner.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the letters and digits from {@code at} are followed by " dot ", as a spoken host's first word is. */
    private static boolean alnumRunThenDot(String text, int at) {
        int end = at;
        while (end < text.length() && TextScan.isAsciiAlnum(text.charAt(end))) {
            end++;
        }
        return text.regionMatches(true, end, " dot ", 0, 5);
    }
}
