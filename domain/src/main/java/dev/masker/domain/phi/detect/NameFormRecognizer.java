package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names told by their form and by the name lists rather than by a cue before them:
 * <ul>
 *   <li>a name with a clinician's credential after it: "Vũ Thanh Châu, MD", "BYEON, TAE-HOON, MD";</li>
 *   <li>initials before a listed surname: "provider Q. Diệp", "M.W. Moyo";</li>
 *   <li>a listed surname and a listed given name written "Last, First": "Hoàng, Uyên", "García-López, Ximena M";</li>
 *   <li>two listed names side by side in lower-case speech, neither an everyday word: "keeley flores";</li>
 *   <li>a speaker naming themself: "finn here", "Julieta again", "Siosaia Taufa calling".</li>
 * </ul>
 * Words are Unicode letters throughout; the lists are asked with diacritics folded.
 */
final class NameFormRecognizer {
    private static final String CAP_WORD = "\\p{Lu}\\p{L}*(?:['’-]\\p{L}+)*";
    private static final String WORD = "\\p{L}+(?:['’-]\\p{L}+)*";
    /** Up to two name particles before a capitalized word: "Anahí del Toro", "Maria de la Cruz". */
    private static final String PARTICLES = "(?:(?:" + String.join("|", NameParticles.WORDS) + ") ){0,2}";

    /** Initials before a name ("A. ", "M.P. "). */
    private static final String INITIALS_BEFORE = "(?:\\p{Lu}\\. ?){0,3}";
    /** A surname may open with an Arabic article joined by a hyphen: "al-Tamimi", "El-Sayed". */
    private static final String SURNAME = "(?:(?:[aAeE]l|ibn|bin)-)?" + CAP_WORD;
    /** Credentials written after a clinician's name; a ZIP code after "MD" makes it Maryland instead. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?<![\\p{L}'’.-])(" + INITIALS_BEFORE + SURNAME
            + "(?: (?:\\p{Lu}\\.|" + PARTICLES + SURNAME + ")){0,3}(?:, " + CAP_WORD + "(?: \\p{Lu}\\.?)?)?),? "
            + "(?:MD|M\\.D\\.|DO|D\\.O\\.|RN|NP|PA-C|PhD|DDS|DMD|FNP-C|FNP|APRN|LPN|CNM|CRNA|LCSW|PharmD|DPM|MBBS|DNP"
            + "|MSN|BSN)\\b(?![ ,]*\\d)");
    /** One to three initials, then a capitalized surname and perhaps a second one. */
    private static final Pattern INITIALS =
            Pattern.compile("(?<![\\p{L}.’'-])((?:\\p{Lu}\\. ?){1,3})(" + CAP_WORD + ")(?: (" + CAP_WORD + "))?");
    /** "Last, First" with an optional middle initial. */
    private static final Pattern LAST_FIRST = Pattern.compile("(?<![\\p{L}'’-])(" + CAP_WORD + "(?: " + CAP_WORD
            + ")?), (" + CAP_WORD + ")(?: \\p{Lu}\\b\\.?)?(?![\\p{L}'’-])");
    /** How far before "here" or "again" a self-introduction's opener may be: fillers and three names. */
    private static final int INTRODUCTION_REACH = 100;
    /** Where a "Last, First" cell starts: a line, a quoted or table cell, or a field after a colon. */
    private static final Pattern FIELD_BEFORE = Pattern.compile("(?:^|[\\n\"|:;]|\\(|\\) ?)\\s*$");
    /** A speaker naming themself at the start of a turn, a sentence or a quoted string, after the usual openers. */
    private static final Pattern SELF_INTRODUCTION =
            Pattern.compile("(?i)(?:^|[.!?,]\\s+|\\n|\")(?:(?:uh|um|hi|hey|yes|yeah|so|"
                    + "alright|all right|okay|ok|well|oh|good (?:morning|afternoon|evening))[,.]?\\s+)*(" + WORD
                    + "(?: " + WORD
                    + "){0,2}),? (here|again|calling|speaking)\\b");

    /** Words after which an all-capital credential is no name: "Annapolis, MD" is a place, "Dr. Lee, MD" is a title. */
    private static final Set<String> NOT_BEFORE_CREDENTIAL = TextScan.words("dr", "doctor", "signed", "sincerely");

    private final NameIndex names;

    NameFormRecognizer(NameIndex names) {
        this.names = names;
    }

    /** Adds the names the text's forms show. */
    void names(String text, Candidates out) {
        if (hasUpperCase(text)) {
            credentials(text, out);
            initials(text, out);
            lastFirst(text, out);
        }
        lowerCasePairs(text, out);
        selfIntroductions(text, out);
        signatures(text, out);
        surnamesBeforeFirstNames(text, out);
    }

    /** A surname said before its first name is asked for: "yes Woldemariam, first name Meseret". */
    private static final Pattern SURNAME_BEFORE_FIRST_NAME =
            Pattern.compile("(?<![\\p{L}'’-])(" + WORD + "),? (?:and )?(?:the )?$", Pattern.CASE_INSENSITIVE);
    /** How far before "first name" the surname may stand ("Woldemariam, and the "). */
    private static final int SURNAME_REACH = 60;

    private void surnamesBeforeFirstNames(String text, Candidates out) {
        for (String cue : List.of("first name", "given name")) {
            for (int at = TextScan.indexOfIgnoreCase(text, cue, 0);
                    at < text.length();
                    at = TextScan.indexOfIgnoreCase(text, cue, at + cue.length())) {
                // "$" is the region's end, right before the cue; the look-behind sees past the region's start.
                Matcher m = SURNAME_BEFORE_FIRST_NAME
                        .matcher(text)
                        .region(Math.max(0, at - SURNAME_REACH), at)
                        .useTransparentBounds(true);
                if (!m.find()) {
                    continue;
                }
                String word = m.group(1);
                if (word.length() >= 2
                        && !isEveryday(word)
                        && !EverydayWords.anyEveryday(word)
                        && !NameRecognizer.NOT_NAMES.contains(lower(word))) {
                    out.add(m.start(1), m.end(1), PhiKind.NAME, 50);
                }
            }
        }
    }

    /** A signature block's first line after its delimiter ("-- " alone on a line): one to three capitalized words. */
    private static final Pattern SIGNATURE =
            Pattern.compile("(?m)^--[ \\t]*\\n(" + CAP_WORD + "(?: " + CAP_WORD + "){0,2})[ \\t]*$");

    /** The name that signs an e-mail or a portal message under its signature delimiter: "-- / Hiếu / cell ...". */
    private void signatures(String text, Candidates out) {
        if (!text.contains("--")) {
            return;
        }
        Matcher m = SIGNATURE.matcher(text);
        while (m.find()) {
            boolean words = false;
            for (String word : m.group(1).split(" ")) {
                words |= isEveryday(word)
                        || NameRecognizer.NOT_NAMES.contains(lower(word))
                        || NameRecognizer.isOrganisationWord(word);
            }
            if (!words) {
                out.add(m.start(1), m.end(1), PhiKind.NAME, 48);
            }
        }
    }

    /** The credentials CREDENTIAL ends with, longest first where one begins another ("M.D." before "MD"). */
    private static final List<String> CREDENTIALS = List.of(
            "M.D.", "MD", "D.O.", "DO", "RN", "NP", "PA-C", "PhD", "DDS", "DMD", "FNP-C", "FNP", "APRN", "LPN", "CNM",
            "CRNA", "LCSW", "PharmD", "DPM", "MBBS", "DNP", "MSN", "BSN");
    /** The first two characters of the credentials, by the first capital's index and the second character. */
    private static final boolean[] CREDENTIAL_STARTS = new boolean[26 * 128];

    static {
        for (String credential : CREDENTIALS) {
            CREDENTIAL_STARTS[(credential.charAt(0) - 'A') * 128 + credential.charAt(1)] = true;
        }
    }

    /** Where a credential starting at {@code at} after a blank or a comma ends as a whole word; -1 if none does. */
    private static int credentialEnd(String text, int at) {
        char first = text.charAt(at);
        char before = text.charAt(at - 1);
        if (first < 'A' || first > 'Z' || before != ' ' && before != ',') {
            return -1;
        }
        // Asked after every capital that follows a blank: most capitalized words fail on their second character.
        char second = at + 1 < text.length() ? text.charAt(at + 1) : 0;
        if (second == 0 || second >= 128 || !CREDENTIAL_STARTS[(first - 'A') * 128 + second]) {
            return -1;
        }
        for (String credential : CREDENTIALS) {
            int end = at + credential.length();
            if (text.startsWith(credential, at)
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return end;
            }
        }
        return -1;
    }

    /** How far before its credential a name (up to four words, or "Last, First M") may start. */
    private static final int NAME_REACH = 90;

    private void credentials(String text, Candidates out) {
        Matcher m = CREDENTIAL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int searchedTo = 0;
        for (int at = 1; at < text.length(); at++) {
            int end = credentialEnd(text, at);
            if (end < 0) {
                continue;
            }
            // The name and its credential lie within the window before the credential's end; each window read once.
            m.region(Math.max(searchedTo, at - NAME_REACH), end);
            searchedTo = end;
            at = end - 1;
            if (!m.find()) {
                continue;
            }
            String[] words = m.group(1).replace(",", "").split(" ");
            int listed = 0;
            int initials = 0;
            boolean notName = false;
            StringBuilder fullWords = new StringBuilder();
            for (String word : words) {
                if (word.length() >= 2
                        && word.endsWith(".")
                        && word.chars().filter(Character::isLetter).count() <= 2) {
                    initials++; // "A." or "M.P.": an initial vouches for the name it stands before
                    continue;
                }
                listed += names.isNameOrNameParts(word) ? 1 : 0;
                notName |=
                        NameRecognizer.NOT_NAMES.contains(lower(word)) || NOT_BEFORE_CREDENTIAL.contains(lower(word));
                fullWords.append(word).append(' ');
            }
            // "Silver Spring, MD" is a place before its state: the gazetteer knows it.
            // A credential vouches for two words no list knows ("Farhad Rahimzadeh, MD") unless one is an everyday
            // word,
            // and for an initial and a surname ("A. Zakharova, PharmD").
            String named = fullWords.toString().strip();
            boolean unlistedName = !named.isEmpty() && !EverydayWords.anyEveryday(named);
            if (words.length >= 2
                    && (listed >= 1 || m.group(1).contains(",") || unlistedName)
                    && !notName
                    && (initials == 0 || unlistedName)
                    && !PlaceRecognizer.isPlaceName(m.group(1))) {
                out.add(m.start(1), m.end(1), PhiKind.NAME, 55);
            }
        }
    }

    private void initials(String text, Candidates out) {
        Matcher m = INITIALS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int tried = -1;
        for (int at = text.indexOf(". "); at >= 1; at = text.indexOf(". ", at + 2)) {
            int start = at - 1; // an initial is one capital before its full stop
            if (!Character.isUpperCase(text.charAt(start))) {
                continue;
            }
            // Back to the first initial of "M.P." or "M. P.": the pattern is tried once, from there.
            while (true) {
                if (start >= 2 && text.charAt(start - 1) == '.' && Character.isUpperCase(text.charAt(start - 2))) {
                    start -= 2;
                } else if (start >= 3
                        && text.charAt(start - 1) == ' '
                        && text.charAt(start - 2) == '.'
                        && Character.isUpperCase(text.charAt(start - 3))) {
                    start -= 3;
                } else {
                    break;
                }
            }
            if (start == tried) {
                continue;
            }
            tried = start;
            m.region(start, text.length());
            if (!m.lookingAt()) {
                continue;
            }
            String surname = m.group(2);
            String second = m.group(3);
            if (isEveryday(surname) || NameRecognizer.NOT_NAMES.contains(lower(surname))) {
                continue;
            }
            // A surname no list knows counts after one initial when it is no word, place or organisation at all:
            // "anyone reach M. Gedi?", "Ride booking — W. Beauplan"; "Plan A. Discussed", "U.S. Army" stay words.
            boolean listed = names.isSurname(surname);
            if (!listed
                    && (surname.length() < 3
                            || m.group(1).length() > 5
                            || !isUnknownWord(surname)
                            || second != null && !isUnknownWord(second) && !names.isSurname(second)
                            || PlaceRecognizer.isPlaceName(surname)
                            || NameRecognizer.isOrganisationWord(surname))) {
                continue;
            }
            boolean secondName = second != null
                    && !isEveryday(second)
                    && (names.isSurname(second) || !listed && isUnknownWord(second));
            int end = secondName ? m.end(3) : m.end(2);
            if (text.startsWith("'s", end - 2) || text.startsWith("’s", end - 2)) {
                end -= 2; // a possessive is no part of the name: "Xochitl I. Gollum's chart"
            }
            out.add(m.start(1), end, PhiKind.NAME, listed ? 50 : 45);
        }
    }

    private void lastFirst(String text, Candidates out) {
        Matcher m = LAST_FIRST.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int searchedTo = 0;
        for (int comma = text.indexOf(", "); comma > 0; comma = text.indexOf(", ", comma + 2)) {
            if (comma + 2 >= text.length()
                    || !Character.isUpperCase(text.charAt(comma + 2))
                    || !Character.isLetter(text.charAt(comma - 1))) {
                continue;
            }
            // "Last, First" or "Two Bulls, First": the pattern starts at most two words before the comma.
            int from = Math.max(searchedTo, twoWordsBefore(text, comma));
            if (text.indexOf(',', from) == comma && !capitalizedBefore(text, comma)) {
                continue; // "thanks, I": the only comma a match here could have follows no capitalized word
            }
            m.region(from, Math.min(text.length(), comma + 2 + NAME_REACH));
            if (!m.find() || m.start() > comma) {
                continue;
            }
            searchedTo = m.end();
            String last = m.group(1);
            String first = m.group(2);
            if (isStateName(first)
                    || isEveryday(first)
                    || isEveryday(last)
                    || NameRecognizer.NOT_NAMES.contains(lower(first))
                    || NameRecognizer.NOT_NAMES.contains(lower(last))) {
                continue;
            }
            boolean bothListed = isListedSurname(last) && isListedFirstName(first);
            boolean inField = FIELD_BEFORE
                    .matcher(text.substring(Math.max(0, m.start() - 3), m.start()))
                    .find();
            if (bothListed || inField && (isListedSurname(last) || isListedFirstName(first))) {
                out.add(m.start(), m.end(), PhiKind.NAME, inField ? 52 : 46);
            }
        }
    }

    /**
     * Whether the word before the comma at {@code comma}, the run of letters, apostrophes and hyphens there, starts
     * with a capital ({@code \\p{Lu}}), as LAST_FIRST's last word before its comma must (its look-behind or a space
     * stands before it). Next to a surrogate, which may be half of a letter, the answer is yes.
     */
    private static boolean capitalizedBefore(String text, int comma) {
        int start = comma;
        while (start > 0
                && (Character.isLetter(text.charAt(start - 1)) || "'’-".indexOf(text.charAt(start - 1)) >= 0)) {
            start--;
        }
        return start > 0 && Character.isSurrogate(text.charAt(start - 1))
                || start < comma && Character.getType(text.charAt(start)) == Character.UPPERCASE_LETTER;
    }

    /** Where the second word before {@code end} starts (or the first, or {@code end} itself, near the text's start). */
    private static int twoWordsBefore(String text, int end) {
        int at = end;
        for (int words = 0; words < 2; words++) {
            int wordStart = at;
            while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            at = wordStart;
            if (words == 0 && at > 0) {
                at--; // the blank before the word
            }
        }
        return at;
    }

    /** Two words side by side, lower case, a listed given name and a listed surname, neither an everyday word. */
    private void lowerCasePairs(String text, Candidates out) {
        int previousStart = -1;
        int previousEnd = -1;
        boolean previousLower = false; // whether the word before is lower case and may start a pair
        for (int at = 0; at < text.length(); at++) {
            if (!Character.isLetter(text.charAt(at))) {
                continue;
            }
            int end = wordEnd(text, at);
            boolean afterLetterOrMark = at > 0 && "'’-".indexOf(text.charAt(at - 1)) >= 0;
            boolean lower = !afterLetterOrMark && end - at >= 2 && Character.isLowerCase(text.charAt(at));
            // The words are looked up in place, and only where a pair can stand: the everyday-word test, which most
            // words of speech fail, first.
            if (previousLower
                    && previousEnd == at - 1
                    && text.charAt(previousEnd) == ' '
                    && lower
                    && isNameLike(text, at, end)
                    && isListedSurname(text, at, end)
                    && isNameLike(text, previousStart, previousEnd)
                    && isListedFirstName(text, previousStart, previousEnd)) {
                String given = text.substring(previousStart, previousEnd);
                String word = text.substring(at, end);
                // "victor foxtrot echo six ...": two words of the spelling alphabet spell, they name no one.
                boolean spelling = SpellingAlphabet.contains(given) && SpellingAlphabet.contains(word);
                // "naci el ...": a particle on its own ends no one's name, it leads into the surname after it.
                boolean particle = NameParticles.contains(word) || NameParticles.contains(given);
                if (!spelling
                        && !particle
                        && !PlaceRecognizer.isPlaceName(given + " " + word)
                        && !organisationAfter(text, end)) {
                    out.add(previousStart, end, PhiKind.NAME, 40);
                }
            }
            previousLower = lower;
            previousStart = at;
            previousEnd = end;
            at = end - 1;
        }
    }

    /** Whether the next word ends an organisation's name: "loma linda university". */
    private static boolean organisationAfter(String text, int end) {
        if (end + 1 >= text.length() || text.charAt(end) != ' ' || !Character.isLetter(text.charAt(end + 1))) {
            return false;
        }
        return NameRecognizer.isOrganisationWord(text.substring(end + 1, wordEnd(text, end + 1)));
    }

    private void selfIntroductions(String text, Candidates out) {
        Matcher m = SELF_INTRODUCTION.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (String cue : List.of("here", "again", "calling", "speaking")) {
            int searchedTo = 0;
            for (int at = TextScan.indexOfIgnoreCase(text, cue, 0);
                    at < text.length();
                    at = TextScan.indexOfIgnoreCase(text, cue, at + cue.length())) {
                if (at == 0 || text.charAt(at - 1) != ' ') {
                    continue; // the pattern has a space before the cue: "there" and "where" are no "here"
                }
                // The opener, at most three names and the fillers before them lie within the reach before the cue.
                m.region(Math.max(searchedTo, at - INTRODUCTION_REACH), Math.min(text.length(), at + cue.length() + 1));
                if (!m.find() || m.start(2) != at) {
                    continue;
                }
                searchedTo = m.end();
                introduction(m, out);
            }
        }
    }

    private void introduction(Matcher m, Candidates out) {
        String[] words = m.group(1).split(" ");
        boolean anyListed = false;
        boolean allNameLike = true;
        for (String word : words) {
            anyListed |= names.isNameOrNameParts(word);
            allNameLike &= isNameLike(word);
        }
        // "Metformin again" is no person: "again" needs a listed name, "here" any word that is no everyday one;
        // "calling" and "speaking" a listed name or two such words, a given name and a surname ("Walgreens calling").
        String cue = m.group(2).toLowerCase(Locale.ROOT);
        boolean unlisted = cue.equals("here") ? words.length <= 2 : !cue.equals("again") && words.length == 2;
        if (allNameLike && (anyListed || unlisted)) {
            out.add(m.start(1), m.end(1), PhiKind.NAME, 42);
        }
    }

    /** {@link #isNameLike(String)} of {@code text[start, end)}: a word of ASCII letters is looked up in place. */
    private boolean isNameLike(String text, int start, int end) {
        if (!NameIndex.isAsciiLetters(text, start, end)) {
            return isNameLike(text.substring(start, end));
        }
        // For ASCII letters the everyday test is the list's alone, and the word sets compare them lower-cased.
        return !names.isCommonWord(text, start, end)
                && !NameRecognizer.NOT_NAME_WORDS.containsLetters(text, start, end)
                && !SpokenNumbers.isNumberWordAt(text, start, end)
                && !AddressRecognizer.STATE_NAME_WORDS.containsLetters(text, start, end);
    }

    /** A word that can be a name: no everyday English word, no number, no word the name rules never take. */
    private boolean isNameLike(String word) {
        String lower = lower(word);
        return !isEveryday(word)
                && !NameRecognizer.NOT_NAMES.contains(lower)
                && !SpokenNumbers.isNumberWord(lower)
                && !isStateName(word);
    }

    private static boolean isStateName(String word) {
        return AddressRecognizer.STATE_NAME_SET.contains(lower(word));
    }

    /**
     * Whether the word is an everyday English word: the list's, in plain ASCII letters ("Đỗ" is no "do", "Yến" no
     * "yen"); a hyphenated word only when each part is one ("Soo-ah" is a name).
     */
    private boolean isEveryday(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        if (!hasNamePartMark(word)) {
            return names.isCommonWord(word);
        }
        for (String part : word.split("['’-]")) {
            if (!names.isCommonWord(part)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the capitalized word is no word of the language at all: no everyday word, no word that is never a name,
     * no acronym ("MRI"). What such a word is after an initial, a name is more often than anything else.
     */
    private boolean isUnknownWord(String word) {
        boolean lowerCase = false;
        for (int i = 1; i < word.length() && !lowerCase; i++) {
            lowerCase = Character.isLowerCase(word.charAt(i));
        }
        return lowerCase
                && !isEveryday(word)
                && !EverydayWords.anyEveryday(word)
                && !NameRecognizer.NOT_NAMES.contains(lower(word));
    }

    private boolean isListedFirstName(String word) {
        return anyPart(word, true);
    }

    private boolean isListedSurname(String word) {
        return anyPart(word, false);
    }

    /** {@link #isListedFirstName(String)} of {@code text[start, end)}, looked up in place where it has no part mark. */
    private boolean isListedFirstName(String text, int start, int end) {
        return names.isFirstName(text, start, end)
                || hasNamePartMark(text, start, end) && anyPart(text.substring(start, end), true);
    }

    /** {@link #isListedSurname(String)} of {@code text[start, end)}, looked up in place where it has no part mark. */
    private boolean isListedSurname(String text, int start, int end) {
        return names.isSurname(text, start, end)
                || hasNamePartMark(text, start, end) && anyPart(text.substring(start, end), false);
    }

    /** Whether the word, or each part of a hyphenated or two-word one, is on the given-name or surname list. */
    private boolean anyPart(String word, boolean given) {
        if (given ? names.isFirstName(word) : names.isSurname(word)) {
            return true;
        }
        if (!hasNamePartMark(word)) {
            return false; // the common case: one word, and not listed
        }
        String[] parts = word.split("[-’' ]");
        for (String part : parts) {
            if (!(names.isFirstName(part) || names.isSurname(part))) {
                return false;
            }
        }
        return parts.length > 1;
    }

    /** Whether the word has a hyphen, an apostrophe or a blank between parts. */
    private static boolean hasNamePartMark(String word) {
        return hasNamePartMark(word, 0, word.length());
    }

    private static boolean hasNamePartMark(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '\'' || c == '’' || c == ' ') {
                return true;
            }
        }
        return false;
    }

    private static int wordEnd(String text, int at) {
        int end = at + 1;
        while (end < text.length()
                && (Character.isLetter(text.charAt(end))
                        || "'’-".indexOf(text.charAt(end)) >= 0
                                && end + 1 < text.length()
                                && Character.isLetter(text.charAt(end + 1)))) {
            end++;
        }
        return end;
    }

    private static boolean hasUpperCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
