package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers: runs of digits, number words and letters, typed by the keywords before them (phone, member ID,
 * ZIP, date of birth ...) or else by their format and check digits (SSN, phone, card, VIN, MBI, DEA, MRN).
 */
final class ValueRunRecognizer {
    private ValueRunRecognizer() {}

    private static final Predicate<String> YEAR_DIGITS =
            Pattern.compile("(?:19|20)\\d\\d").asMatchPredicate();
    private static final Predicate<String> NINETEEN_OR_TWENTY =
            Pattern.compile("nineteen|twenty").asMatchPredicate();
    private static final Predicate<String> MENTIONS_SOCIAL_OR_SSN =
            Pattern.compile("(?s).*\\b(?:social|ssn)\\b.*").asMatchPredicate();
    private static final Predicate<String> MENTIONS_INSURANCE = Pattern.compile(
                    "(?s).*\\b(?:member|medicare|medicaid|insurance|subscriber|policy)\\b.*")
            .asMatchPredicate();
    private static final Predicate<String> THIRTEEN_TO_NINETEEN_DIGITS =
            Pattern.compile("\\d{13,19}").asMatchPredicate();
    private static final Predicate<String> TEN_DIGITS_PERHAPS_AFTER_ONE =
            Pattern.compile("1?\\d{10}").asMatchPredicate();
    private static final Predicate<String> DIGITS_WITH_A_FEW_LETTERS =
            Pattern.compile("[A-Za-z]{0,3}\\d{6,}[A-Za-z]?").asMatchPredicate();

    private static final Pattern AMOUNT_AFTER = Pattern.compile(
            "^\\s*(?:dollars|bucks|cents|mg|milligrams|percent|pounds|units)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_BEFORE = Pattern.compile("\\bin\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_BEFORE =
            Pattern.compile("\\b(?:in|since|from|until|by|of)\\s+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_AFTER = Pattern.compile("^\\s+[A-Za-z]");

    private static final Pattern SSN_FORMAT = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
    /** A ZIP code as written: five digits, perhaps a hyphen and four more ("2345-7", a LOINC code, is none). */
    private static final Pattern ZIP_FORMAT = Pattern.compile("\\d{5}(?:[- ]?\\d{4})?");
    /** "last4", "last_4": the words naming a value's last digits, glued. */
    private static final Pattern LAST_DIGITS = Pattern.compile("last_?\\d");
    /** An SSN masked but for its last four digits: "***-**-2347", "XXX-XX-2347", "###-##-2347". */
    private static final Pattern MASKED_SSN =
            Pattern.compile("(?:\\*{3}|[xX]{3}|#{3})-(?:\\*{2}|[xX]{2}|#{2})-(\\d{4})\\b");
    /** An SSN written with full stops: "123.45.6789". */
    private static final Pattern DOTTED_SSN = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{4}");

    private static final Pattern LOCAL_PHONE_FORMAT = Pattern.compile("\\d{3}[-.]\\d{4}");
    private static final Pattern PHONE_FORMAT =
            Pattern.compile("(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}");

    // ---------------------------------------------------------------- identifiers: runs of digits, number words,
    // letters

    private record Token(int start, int end, String lower, int symbols, int digits, boolean sentenceEnd) {}

    /** A plate or tag cue, then up to eight short runs of letters and digits: the plate as written or spelled. */
    private static final Pattern PLATE = Pattern.compile("(?i)\\b(?:license plates?|plates?|tag)(?: number)?"
            + "(?: is| was| reads)?:? ((?:[a-z0-9]{1,8}[ -]){0,7}[a-z0-9]{1,8})\\b");

    private static final int PLATE_MIN = 5;
    private static final int PLATE_MAX = 8;

    static void valueRuns(String text, Candidates out) {
        plates(text, out);
        if (text.indexOf("**-") >= 0 || text.indexOf("##-") >= 0) {
            Matcher masked = MASKED_SSN.matcher(text);
            while (masked.find()) {
                out.add(masked.start(1), masked.end(1), PhiKind.SSN, 60, "the shape of a masked SSN");
            }
        }
        List<Token> run = new ArrayList<>();
        for (int at = 0; at < text.length(); at++) {
            if (RegexText.isBlank(text.charAt(at))) {
                if (text.charAt(at) == '\n' && !run.isEmpty()) {
                    classify(text, run, out); // a value never goes on past the end of its line (a row, a field)
                    run.clear();
                }
                continue;
            }
            int end = at; // the run of \S from here, as a search for \S+ finds it
            while (end < text.length() && !RegexText.isBlank(text.charAt(end))) {
                end++;
            }
            Token token = valueToken(text, at, end);
            at = end;
            if (token == null) {
                if (!run.isEmpty()) {
                    classify(text, run, out);
                    run.clear();
                }
                continue;
            }
            run.add(token);
            // The loop steps over the blank after the token: a line break there ends the run too.
            if (token.sentenceEnd() || end < text.length() && text.charAt(end) == '\n') {
                classify(text, run, out);
                run.clear();
            }
        }
        classify(text, run, out);
    }

    /**
     * License plates after "plate" or "tag": the shortest run of letters and digits ("WHP 106", "dda 4620", "m v l 9 8 5
     * 1" in the view, "1GZWN51") that holds five to eight of them, a letter and a digit. An everyday word ends the run:
     * "plate 3 of 4" is no plate.
     */
    private static void plates(String text, Candidates out) {
        Matcher m = PLATE.matcher(text).useTransparentBounds(true);
        for (String cue : List.of("plate", "tag")) {
            for (int at = TextScan.indexOfIgnoreCase(text, cue, 0);
                    at < text.length();
                    at = TextScan.indexOfIgnoreCase(text, cue, at + 1)) {
                if (TextScan.isWordStart(text, at)
                        && m.region(at, text.length()).lookingAt()) {
                    plate(text, m, out);
                }
            }
        }
    }

    private static void plate(String text, Matcher m, Candidates out) {
        int start = m.start(1);
        int symbols = 0;
        boolean letter = false;
        boolean digit = false;
        int at = start;
        while (at < m.end(1) && symbols <= PLATE_MAX) {
            int end = at;
            while (end < m.end(1) && TextScan.isAsciiAlnum(text.charAt(end))) {
                letter |= RegexText.isLetter(text.charAt(end));
                digit |= TextScan.isDigit(text.charAt(end));
                end++;
            }
            if (end - at > 1 && EverydayWords.allEveryday(text.substring(at, end))) {
                break;
            }
            symbols += end - at;
            if (symbols >= PLATE_MIN && symbols <= PLATE_MAX && letter && digit) {
                out.add(start, end, PhiKind.VEHICLE, 58, "a plate word");
                break;
            }
            at = end + 1;
        }
    }

    private static Token valueToken(String text, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && isOpening(text.charAt(s))) {
            s++;
        }
        boolean sentenceEnd = false;
        while (e > s && isClosing(text.charAt(e - 1))) {
            sentenceEnd |= isSentenceEnd(text.charAt(e - 1));
            e--;
        }
        if (s >= e) {
            return null;
        }
        // The core is text[s, e): most words are told plain without copying them.
        if (text.charAt(s) == '(' && text.indexOf(')', s, e) < 0) {
            s++;
        }
        if (s < e && text.charAt(e - 1) == ')' && text.indexOf('(', s, e) < 0) {
            e--;
        }
        if (s >= e || isPlainWord(text, s, e)) {
            return null;
        }
        String core = text.substring(s, e);
        String lower = core.toLowerCase(Locale.ROOT);
        if (PhoneParts.isGluedExtension(lower)) {
            return null; // "(973) 848-6395 x503": the extension ends the number (Candidates.widenPhones adds it)
        }
        if (lower.equals("four") && text.substring(Math.max(0, s - 5), s).equalsIgnoreCase("last ")) {
            return null; // "the last four 3949": the words name the value, they are not part of it
        }
        if (SpokenNumbers.isNumberWord(lower) || lower.equals("dash")) {
            return new Token(s, e, lower, SpokenNumbers.digits(lower), SpokenNumbers.digits(lower), sentenceEnd);
        }
        if (core.length() == 1 && Character.isLetter(core.charAt(0)) && core.charAt(0) < 128) {
            return new Token(s, e, lower, 1, 0, sentenceEnd);
        }
        int symbols = 0;
        int digits = 0;
        for (int i = 0; i < core.length(); i++) {
            symbols += Character.isLetterOrDigit(core.charAt(i)) ? 1 : 0;
            digits += Character.isDigit(core.charAt(i)) ? 1 : 0;
        }
        if (LAST_DIGITS.matcher(lower).matches()) {
            return null; // "ssn_last4": the field's name, not its value
        }
        if (isQuantity(core)) {
            return null; // "a 100-day supply", "3-month follow-up": a number and its unit
        }
        if (digits > 0
                && (isAlphanumericValue(core)
                        || core.indexOf('.') > 0
                                && (PHONE_FORMAT.matcher(core).matches()
                                        || DOTTED_SSN.matcher(core).matches()))) {
            return new Token(s, e, lower, symbols, digits, sentenceEnd);
        }
        return null;
    }

    // A phone written with full stops ("802.987.2945") is one token; other dotted numbers (versions, decimals) are not.

    /** Digits, a hyphen and a lower-case word of three or more letters: "100-day", "12-month", "5-year-old". */
    private static boolean isQuantity(String core) {
        int at = 0;
        while (at < core.length() && TextScan.isDigit(core.charAt(at))) {
            at++;
        }
        if (at == 0 || at + 4 > core.length() || core.charAt(at) != '-') {
            return false; // digits, a hyphen and at least three letters
        }
        for (int i = at + 1; i < core.length(); i++) {
            char c = core.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c == '-' && i > at + 1)) {
                return false;
            }
        }
        return true;
    }

    /** What matching {@code [+(]?[0-9A-Za-z][0-9A-Za-z()#-]*} tells: an ASCII identifier, perhaps after a + or (. */
    private static boolean isAlphanumericValue(String core) {
        int at = core.startsWith("+") || core.startsWith("(") ? 1 : 0;
        if (at >= core.length() || !TextScan.isAsciiAlnum(core.charAt(at))) {
            return false;
        }
        for (int i = at + 1; i < core.length(); i++) {
            char c = core.charAt(i);
            if (!TextScan.isAsciiAlnum(c) && c != '(' && c != ')' && c != '#' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * A word that is no part of a value, told without lower-casing it: two or more characters, no digit, and not
     * shaped like a number word (nor "dash"), so none of the tests below could take it.
     */
    private static boolean isPlainWord(String text, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        boolean asciiLetters = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (TextScan.isDigit(c) || c >= 128 && Character.isDigit(c)) {
                return false;
            }
            asciiLetters &= RegexText.isLetter(c);
        }
        // Number words and "dash" are two to nine ASCII letters; of the other characters only the Kelvin sign and the
        // dotted capital I lower-case to ASCII letters, and neither can make one of those words.
        return !asciiLetters
                || end - start > 9
                || !mayStartNumberWordOrDash(text.charAt(start))
                || !SpokenNumbers.isNumberWordOrDash(text, start, end);
    }

    // The character tests of the token loop, asked of every token of the text: a switch, not a search of a string.

    /** {@code "'[}: stripped from a token's start. */
    private static boolean isOpening(char c) {
        return c == '"' || c == '\'' || c == '[';
    }

    /** {@code ,.;:?!"']}: stripped from a token's end. */
    private static boolean isClosing(char c) {
        return switch (c) {
            case ',', '.', ';', ':', '?', '!', '"', '\'', ']' -> true;
            default -> false;
        };
    }

    /** {@code .;?!:}: a token ending with one ends its sentence. */
    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == ';' || c == '?' || c == '!' || c == ':';
    }

    /** The first letters of the number words and "dash", in either case: s, t, f, e, n, h, d, z, o. */
    private static boolean mayStartNumberWordOrDash(char c) {
        return switch (c) {
            case 's', 't', 'f', 'e', 'n', 'h', 'd', 'z', 'o', 'S', 'T', 'F', 'E', 'N', 'H', 'D', 'Z', 'O' -> true;
            default -> false;
        };
    }

    private static void classify(String text, List<Token> tokens, Candidates out) {
        int from = 0;
        int to = tokens.size();
        while (from < to
                && isWeakEdge(tokens.get(from), true)
                && !(from + 1 < to
                        && tokens.get(from).lower().length() == 1
                        && tokens.get(from + 1).lower().length() == 1)) {
            from++;
        }
        while (to > from
                && isWeakEdge(tokens.get(to - 1), false)
                && (tokens.get(to - 1).lower().length() > 1
                        || followedByWord(text, tokens.get(to - 1).end()))) {
            to--;
        }
        if (from >= to) {
            return;
        }
        List<Token> run = tokens.subList(from, to);
        int symbols = 0;
        int digits = 0;
        int multiplier = 1;
        for (int i = 0; i < run.size(); i++) {
            Token t = run.get(i);
            if (SpokenNumbers.isRepeater(t.lower())) {
                multiplier = t.lower().equals("double") ? 2 : 3;
                continue;
            }
            boolean unitAfterTens = i > 0
                    && SpokenNumbers.isTens(run.get(i - 1).lower())
                    && SpokenNumbers.isUnit(t.lower())
                    && SpokenNumbers.isNumberWord(run.get(i - 1).lower());
            if (!unitAfterTens) {
                symbols += t.symbols() * multiplier;
                digits += t.digits() * multiplier;
            }
            multiplier = 1;
        }
        if (digits == 0) {
            return;
        }
        int start = run.get(0).start();
        int end = run.get(run.size() - 1).end();
        String raw = text.substring(start, end);
        String compact = asciiLettersAndDigits(raw);
        boolean formatted = true;
        for (Token t : run) {
            formatted &= !SpokenNumbers.isNumberWord(t.lower());
        }
        if (mayBeAmountAfter(text, end)
                && AMOUNT_AFTER
                        .matcher(text.substring(end, Math.min(text.length(), end + 16)))
                        .lookingAt()) {
            return; // an amount or a dose, not an identifier
        }
        if (ContextKeywords.lastCue(text, Math.max(0, start - 50), start) == ContextKeywords.Cue.CODE) {
            return; // "procedure code 81002", "CPT 71046": a code, not an identifier
        }
        if (run.size() == 1
                && YEAR_DIGITS.test(raw)
                && YEAR_BEFORE
                        .matcher(text.substring(Math.max(0, start - 7), start))
                        .find()) {
            return; // "purchased in 2022", "since 2019": a year, whatever the words before say
        }
        PhiKind kind = contextKind(text, start);
        if (kind != null
                && kind != PhiKind.PHONE
                && kind != PhiKind.FAX
                && formatted
                && PHONE_FORMAT.matcher(raw).matches()
                && ContextKeywords.lastKind(text, Math.max(0, start - 20), start) != kind) {
            kind = PhiKind.PHONE; // "member ID is ... -- c: 541.758.6915": a phone's shape outweighs a cue further off
        }
        if (kind == PhiKind.PHONE || kind == PhiKind.FAX) {
            if (symbols >= 7) {
                out.add(start, end, kind, 60, "a context word");
            }
            return;
        }
        if (kind == PhiKind.ZIP) {
            if ((symbols == 5 || symbols == 9) && digits == symbols) {
                out.add(start, end, kind, 60, "a context word");
            }
            return;
        }
        if (kind == PhiKind.DOB) {
            // "born in nineteen seventy" is a year alone; a spoken birth date has month and day too.
            boolean yearAlone = YEAR_DIGITS.test(compact)
                    || run.size() <= 3 && NINETEEN_OR_TWENTY.test(run.get(0).lower())
                    || raw.toLowerCase(Locale.ROOT).startsWith("two thousand");
            if (symbols >= 4
                    && !yearAlone
                    && !IN_BEFORE
                            .matcher(text.substring(Math.max(0, start - 4), start))
                            .find()) {
                out.add(start, end, kind, 60, "a context word");
            }
            return;
        }
        if (kind == PhiKind.ACCOUNT && formatted && formatKind(raw, compact, true, symbols) == PhiKind.CARD) {
            kind = PhiKind.CARD; // "account B-376446-3 and I'll pay with 6011-9678-1768-1830": the check digit says
            // card
        }
        if (kind != null && symbols >= 4) {
            out.add(start, end, kind, 60, "a context word");
            return;
        }
        if (symbols == 9
                && MENTIONS_SOCIAL_OR_SSN.test(
                        text.substring(end, Math.min(text.length(), end + 40)).toLowerCase(Locale.ROOT))) {
            out.add(start, end, PhiKind.SSN, 55, "nine digits before \"social\"");
            return;
        }
        if ((symbols == 5 || symbols == 9)
                && digits == symbols
                && (!formatted || ZIP_FORMAT.matcher(raw).matches())
                && UsStates.endWindow(text, Math.max(0, start - 20), start)) {
            out.add(start, end, PhiKind.ZIP, 55, "after a state");
            return;
        }
        PhiKind byFormat = formatted ? formatKind(raw, compact, true, symbols) : spokenKind(run, raw, compact, symbols);
        if (byFormat != null) {
            // A long run said in words is no phone number; the view reads its digits and types it by their format
            // (a card by its check digit), and that reading wins over this one, which stays only to mask the run.
            out.add(start, end, byFormat, 50, "its format");
        }
    }

    /** A necessary condition for AMOUNT_AFTER: after blanks, within 16 characters, the first letter of one of its words. */
    private static boolean mayBeAmountAfter(String text, int end) {
        int limit = Math.min(text.length(), end + 16);
        int at = end;
        while (at < limit && RegexText.isBlank(text.charAt(at))) {
            at++;
        }
        return at < limit
                && switch (text.charAt(at) | 0x20) {
                    case 'd', 'b', 'c', 'm', 'p', 'u' -> true;
                    default -> false;
                };
    }

    /** A word at a run's edge that is more likely a word of the sentence: "a", "I", and Spanish "y" and "o" (and, or). */
    private static boolean isWeakEdge(Token t, boolean leading) {
        String w = t.lower();
        return w.equals("dash")
                || SpokenNumbers.isRepeater(w) && !leading
                || w.equals("a")
                || w.equals("i")
                || w.equals("y")
                || w.equals("o");
    }

    private static boolean followedByWord(String text, int end) {
        return WORD_AFTER
                .matcher(text.substring(end, Math.min(text.length(), end + 4)))
                .lookingAt();
    }

    private static PhiKind contextKind(String text, int start) {
        int from = Math.max(0, start - 50);
        PhiKind kind = ContextKeywords.lastKind(text, from, start);
        // "the member number on the card", "the new medicare card says": an insurance card carries a plan ID.
        if (kind == PhiKind.CARD
                && MENTIONS_INSURANCE.test(text.substring(from, start).toLowerCase(Locale.ROOT))) {
            return PhiKind.HEALTH_PLAN;
        }
        return kind;
    }

    /** The ASCII letters and digits of the value, what replacing {@code [^0-9A-Za-z]} with nothing leaves. */
    private static String asciiLettersAndDigits(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            if (TextScan.isAsciiAlnum(value.charAt(i))) {
                kept.append(value.charAt(i));
            }
        }
        return kept.toString();
    }

    /**
     * The kind of a run said in words: a card when it is read digit by digit ("four two eight three, three oh double
     * five ...") and its 13 to 19 digits pass the Luhn check, else what its count of symbols says.
     */
    private static PhiKind spokenKind(List<Token> run, String raw, String compact, int symbols) {
        if (symbols >= 13 && symbols <= 19) {
            String digits =
                    SpokenNumbers.digitByDigit(run.stream().map(Token::lower).toList());
            if (digits != null && Checksums.luhn(digits)) {
                return PhiKind.CARD;
            }
        }
        return formatKind(raw, compact, false, symbols);
    }

    private static PhiKind formatKind(String raw, String compact, boolean formatted, int symbols) {
        // Each shape has a length (an ASCII-only compact form keeps its length upper-cased): told before its pattern.
        int length = compact.length();
        if (formatted && raw.length() == 11 && SSN_FORMAT.matcher(raw).matches() && Checksums.ssn(compact)) {
            return PhiKind.SSN;
        }
        if (formatted
                && raw.length() >= 12
                && raw.length() <= 17
                && PHONE_FORMAT.matcher(raw).matches()) {
            return PhiKind.PHONE;
        }
        if (formatted
                && length >= 13
                && length <= 19
                && THIRTEEN_TO_NINETEEN_DIGITS.test(compact)
                && Checksums.luhn(compact)) {
            return PhiKind.CARD;
        }
        if (formatted && length == 17 && Checksums.vin(compact)) {
            return PhiKind.VEHICLE;
        }
        if (formatted && length == 11 && Checksums.mbi(compact)) {
            return PhiKind.HEALTH_PLAN;
        }
        if (formatted && length == 9 && Checksums.dea(compact)) {
            return PhiKind.LICENSE;
        }
        if (formatted && (length == 10 || length == 11) && TEN_DIGITS_PERHAPS_AFTER_ONE.test(compact)) {
            return PhiKind.PHONE;
        }
        if (formatted && raw.length() == 8 && LOCAL_PHONE_FORMAT.matcher(raw).matches()) {
            return PhiKind.PHONE; // "867-5309": a number without its area code
        }
        if (!formatted && symbols >= 10) {
            return PhiKind.PHONE;
        }
        if (symbols >= 7 && DIGITS_WITH_A_FEW_LETTERS.test(compact)) {
            return PhiKind.MRN;
        }
        return null;
    }
}
