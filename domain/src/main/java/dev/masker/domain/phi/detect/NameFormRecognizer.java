package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
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
 *   <li>a speaker naming themself: "finn here", "Julieta again".</li>
 * </ul>
 * Words are Unicode letters throughout; the lists are asked with diacritics folded.
 */
final class NameFormRecognizer {
    private static final String CAP_WORD = "\\p{Lu}\\p{L}*(?:['’-]\\p{L}+)*";
    private static final String WORD = "\\p{L}+(?:['’-]\\p{L}+)*";

    /** Credentials written after a clinician's name; a ZIP code after "MD" makes it Maryland instead. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?<![\\p{L}'’-])(" + CAP_WORD + "(?: (?:\\p{Lu}\\.|" + CAP_WORD
            + ")){0,3}(?:, " + CAP_WORD + "(?: \\p{Lu}\\.?)?)?),? (?:MD|M\\.D\\.|DO|D\\.O\\.|RN|NP|PA-C|PhD|DDS|DMD|FNP-C|FNP"
            + "|APRN|LPN|CNM|CRNA|LCSW|PharmD|DPM|MBBS|DNP|MSN|BSN)\\b(?![ ,]*\\d)");
    /** One to three initials, then a capitalized surname and perhaps a second one. */
    private static final Pattern INITIALS = Pattern.compile(
            "(?<![\\p{L}.’'-])((?:\\p{Lu}\\. ?){1,3})(" + CAP_WORD + ")(?: (" + CAP_WORD + "))?");
    /** "Last, First" with an optional middle initial. */
    private static final Pattern LAST_FIRST = Pattern.compile(
            "(?<![\\p{L}'’-])(" + CAP_WORD + "(?: " + CAP_WORD + ")?), (" + CAP_WORD + ")(?: \\p{Lu}\\b\\.?)?(?![\\p{L}'’-])");
    /** Where a "Last, First" cell starts: a line, a quoted or table cell, or a field after a colon. */
    private static final Pattern FIELD_BEFORE = Pattern.compile("(?:^|[\\n\"|:;]|\\(|\\) ?)\\s*$");
    /** A speaker naming themself at the start of a turn, a sentence or a quoted string, after the usual openers. */
    private static final Pattern SELF_INTRODUCTION = Pattern.compile("(?i)(?:^|[.!?,]\\s+|\\n|\")(?:(?:uh|um|hi|hey|yes|yeah|so|"
            + "alright|all right|okay|ok|well|oh|good (?:morning|afternoon|evening))[,.]?\\s+)*(" + WORD + "(?: " + WORD
            + "){0,2}),? (here|again)\\b");

    /** Words after which an all-capital credential is no name: "Annapolis, MD" is a place, "Dr. Lee, MD" is a title. */
    private static final Set<String> NOT_BEFORE_CREDENTIAL = TextScan.words("dr", "doctor", "signed", "sincerely");

    private final NameLists names;

    NameFormRecognizer(NameLists names) {
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
    }

    private void credentials(String text, Candidates out) {
        if (text.indexOf(',') < 0 && text.indexOf(" MD") < 0) {
            return;
        }
        Matcher m = CREDENTIAL.matcher(text);
        while (m.find()) {
            String[] words = m.group(1).replace(",", "").split(" ");
            int listed = 0;
            boolean notName = false;
            for (String word : words) {
                listed += isListed(word) ? 1 : 0;
                notName |= NameRecognizer.NOT_NAMES.contains(lower(word)) || NOT_BEFORE_CREDENTIAL.contains(lower(word));
            }
            // "Silver Spring, MD" is a place before its state: the gazetteer knows it.
            if (words.length >= 2 && (listed >= 1 || m.group(1).contains(",")) && !notName
                    && !PlaceRecognizer.isPlaceName(m.group(1))) {
                out.add(m.start(1), m.end(1), PhiKind.NAME, 55);
            }
        }
    }

    private void initials(String text, Candidates out) {
        if (text.indexOf(". ") < 0) {
            return;
        }
        Matcher m = INITIALS.matcher(text);
        while (m.find()) {
            String surname = m.group(2);
            String second = m.group(3);
            if (!names.isSurname(surname) || isEveryday(surname) || NameRecognizer.NOT_NAMES.contains(lower(surname))) {
                continue;
            }
            int end = second != null && names.isSurname(second) && !isEveryday(second) ? m.end(3) : m.end(2);
            out.add(m.start(1), end, PhiKind.NAME, 50);
        }
    }

    private void lastFirst(String text, Candidates out) {
        if (text.indexOf(", ") < 0) {
            return;
        }
        Matcher m = LAST_FIRST.matcher(text);
        while (m.find()) {
            String last = m.group(1);
            String first = m.group(2);
            if (isStateName(first) || isEveryday(first) || isEveryday(last)
                    || NameRecognizer.NOT_NAMES.contains(lower(first)) || NameRecognizer.NOT_NAMES.contains(lower(last))) {
                continue;
            }
            boolean bothListed = isListedSurname(last) && isListedFirstName(first);
            boolean inField = FIELD_BEFORE.matcher(text.substring(Math.max(0, m.start() - 3), m.start())).find();
            if (bothListed || inField && (isListedSurname(last) || isListedFirstName(first))) {
                out.add(m.start(), m.end(), PhiKind.NAME, inField ? 52 : 46);
            }
        }
    }

    /** Two words side by side, lower case, a listed given name and a listed surname, neither an everyday word. */
    private void lowerCasePairs(String text, Candidates out) {
        int previousStart = -1;
        int previousEnd = -1;
        for (int at = 0; at < text.length(); at++) {
            if (!Character.isLetter(text.charAt(at))) {
                continue;
            }
            int end = wordEnd(text, at);
            boolean afterLetterOrMark = at > 0 && "'’-".indexOf(text.charAt(at - 1)) >= 0;
            if (previousStart >= 0 && previousEnd == at - 1 && text.charAt(previousEnd) == ' ' && !afterLetterOrMark
                    && Character.isLowerCase(text.charAt(previousStart)) && Character.isLowerCase(text.charAt(at))) {
                String given = text.substring(previousStart, previousEnd);
                String family = text.substring(at, end);
                if (isPersonalPair(given, family) && !PlaceRecognizer.isPlaceName(given + " " + family)
                        && !organisationAfter(text, end)) {
                    out.add(previousStart, end, PhiKind.NAME, 40);
                }
            }
            previousStart = afterLetterOrMark ? -1 : at;
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

    private boolean isPersonalPair(String given, String family) {
        return given.length() >= 2 && family.length() >= 2 && isListedFirstName(given) && isListedSurname(family)
                && isNameLike(given) && isNameLike(family);
    }

    private void selfIntroductions(String text, Candidates out) {
        if (!containsIgnoringCase(text, "here") && !containsIgnoringCase(text, "again")) {
            return;
        }
        Matcher m = SELF_INTRODUCTION.matcher(text);
        while (m.find()) {
            String[] words = m.group(1).split(" ");
            boolean anyListed = false;
            boolean allNameLike = true;
            for (String word : words) {
                anyListed |= isListed(word);
                allNameLike &= isNameLike(word);
            }
            // "Metformin again" is no person: "again" needs a listed name, "here" any word that is no everyday one.
            if (allNameLike && (anyListed || m.group(2).equalsIgnoreCase("here") && words.length <= 2)) {
                out.add(m.start(1), m.end(1), PhiKind.NAME, 42);
            }
        }
    }

    /** A word that can be a name: no everyday English word, no number, no word the name rules never take. */
    private boolean isNameLike(String word) {
        String lower = lower(word);
        return !isEveryday(word) && !NameRecognizer.NOT_NAMES.contains(lower) && !SpokenNumbers.isNumberWord(lower)
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
        for (String part : word.split("['’-]")) {
            if (!names.isCommonWord(part)) {
                return false;
            }
        }
        return true;
    }

    private boolean isListed(String word) {
        return isListedFirstName(word) || isListedSurname(word);
    }

    private boolean isListedFirstName(String word) {
        return anyPart(word, true);
    }

    private boolean isListedSurname(String word) {
        return anyPart(word, false);
    }

    /** Whether the word, or each part of a hyphenated or two-word one, is on the given-name or surname list. */
    private boolean anyPart(String word, boolean given) {
        if (given ? names.isFirstName(word) : names.isSurname(word)) {
            return true;
        }
        String[] parts = word.split("[-’' ]");
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (!(names.isFirstName(part) || names.isSurname(part))) {
                return false;
            }
        }
        return true;
    }

    private static int wordEnd(String text, int at) {
        int end = at + 1;
        while (end < text.length() && (Character.isLetter(text.charAt(end))
                || "'’-".indexOf(text.charAt(end)) >= 0 && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1)))) {
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

    private static boolean containsIgnoringCase(String text, String word) {
        return TextScan.indexOfIgnoreCase(text, word, 0) < text.length();
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
