package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the names of people: after a title, in EHR form ("DOE, JANE"), as capitalized runs judged by the words around
 * them and the census name lists, and in lower-case speech after cues ("my name is", "my wife").
 */
final class NameRecognizer {
    private static final Predicate<String> VERB_OR_ADVERB_ENDING =
            Pattern.compile(".*(?:ing|ed|ly)$").asMatchPredicate();
    private static final Predicate<String> VERB_ADVERB_OR_PLURAL_ENDING =
            Pattern.compile(".*(?:ed|ing|ly|s)$").asMatchPredicate();

    private static final StartFilter.FirstChars UPPER_OR_OTHER =
            StartFilter.FirstChars.of(TextScan.ASCII_LETTERS.substring(26), true);
    private static final StartFilter.FirstChars TITLE_FIRST = StartFilter.FirstChars.of("DMNPS", false);
    private static final StartFilter.FirstChars LOWER_TITLE_FIRST = StartFilter.FirstChars.of("d", false);
    private static final StartFilter.FirstChars SENTENCE_END = StartFilter.FirstChars.of(".!?", false);

    /** A title, then perhaps initials ("Dr. M.P. Yellowhair"), a capitalized name, a middle initial and a surname. */
    /** Up to two name particles before a capitalized word: "Dr. de la Fuente", "Dr. Anahí del Toro". */
    private static final String PARTICLES = "(?:(?:" + String.join("|", NameParticles.WORDS) + ") ){0,2}";

    private static final Pattern TITLE_NAME =
            Pattern.compile("\\b(?:Dr\\.?|Doctor|Mr\\.?|Mrs\\.?|Ms\\.?|Mx\\.?|Miss|Nurse"
                    + "|Prof\\.?|Sra?\\.?|Srta\\.?|Dra\\.?) "
                    + "((?:\\p{Lu}\\.(?: ?\\p{Lu}\\.)* )?" + PARTICLES + "\\p{Lu}[\\p{L}]*(?:['’-][\\p{L}]+)*"
                    + "(?: [A-Z]\\.)?(?: " + PARTICLES + "\\p{Lu}[\\p{L}]*(?:['’-][\\p{L}]+)*)?)");
    private static final Pattern LOWER_TITLE_NAME = Pattern.compile("\\b(?:doctor|dr) ([a-z][a-z'-]+)");
    /** A title said lower case before a capitalized name, as speech-to-text writes it: "doctor Esfandiari is ...". */
    private static final Pattern LOWER_TITLE_CAPITALIZED =
            Pattern.compile("\\b(?:doctor|dr\\.?|nurse) (\\p{Lu}\\p{Ll}[\\p{L}]*"
                    + "(?:['’-][\\p{L}]+)*(?: \\p{Lu}\\p{Ll}[\\p{L}]*(?:['’-][\\p{L}]+)*)?)");

    private static final StartFilter.FirstChars LOWER_TITLE_OR_NURSE_FIRST = StartFilter.FirstChars.of("dn", false);
    private static final Pattern CAPITALIZED_RUN = Pattern.compile(
            "(?<![\\p{L}'’-])\\p{Lu}[\\p{L}]*(?:['’-][\\p{L}]+)*(?: (?:[A-Z]\\.|\\p{Lu}[\\p{L}]*(?:['’-][\\p{L}]+)*"
                    + "|(?:" + String.join("|", NameParticles.WORDS) + ")(?= \\p{Lu}))){0,3}");
    private static final Pattern EHR_NAME = Pattern.compile("\\b[A-Z][A-Z'-]{1,}, [A-Z][A-Z'-]+\\b");
    private static final List<String> RELATIVES = List.of(
            "mom",
            "dad",
            "mother",
            "father",
            "husband",
            "wife",
            "son",
            "daughter",
            "brother",
            "sister",
            "grandmother",
            "grandfather",
            "grandma",
            "grandpa",
            "aunt",
            "uncle",
            "caregiver",
            "friend",
            "partner",
            "niece",
            "nephew",
            "neighbor",
            "spouse",
            "guardian",
            "granddaughter",
            "grandson",
            "grandchild",
            "cousin",
            "stepson",
            "stepdaughter",
            "stepmother",
            "stepfather",
            "fiance",
            "fiancee",
            "girlfriend",
            "boyfriend",
            "sibling");
    private static final List<String> MY_RELATIVES =
            TrailingCue.withEndings(List.of("my "), RELATIVES.toArray(String[]::new));
    /** Words after which a capitalized word is a name even when no list knows it. */
    private static final TrailingCue CAP_STRONG_TRIGGER = TrailingCue.thenNonWordChars(union(
            TrailingCue.phrases(
                    "name is",
                    "name's",
                    "name:",
                    "this is",
                    "i am",
                    "i'm",
                    "it is",
                    "it's",
                    "patient[ is]",
                    "found",
                    "called",
                    "is this",
                    "caller is[ not]",
                    "user",
                    "contact:",
                    "coordinator:",
                    "nurse:",
                    "physician:",
                    "provider:",
                    "thanks[,]",
                    "thank you[,]",
                    "got it[,]",
                    "confirm,",
                    "first name[ is]",
                    "last name[ is]",
                    "surname[ is]",
                    "verified:",
                    "speaking with",
                    "records for",
                    "patient of",
                    "caregiver",
                    "representative[,]",
                    "guardian[,]",
                    "spouse",
                    "billed by",
                    "referred by",
                    "signed by"),
            TrailingCue.withEndings(RELATIVES, "", ":", " on file", " on file:")));
    /** Greetings before a name said to its bearer ("Hi Hastiin!", "Hola Fue,", "Dear Yusuf,"). */
    private static final TrailingCue GREETING = TrailingCue.thenOneBlank(TrailingCue.phrases(
            "hi",
            "hello",
            "hey",
            "hola",
            "dear",
            "good morning",
            "good afternoon",
            "good evening",
            "buenos dias",
            "buenas tardes"));
    /** Words after which a capitalized word is a name only when a list knows it ("for Ozempic" is not). */
    private static final TrailingCue CAP_WEAK_TRIGGER = TrailingCue.thenNonWordChars(
            TrailingCue.phrases("for", "with", "from", "to", "add", "hi[,]", "hello[,]", "okay[,]", "called", "and"));
    /** Lower-case speech: words after which the next word is a name even when no list knows it. */
    private static final List<String> LOWER_STRONG_PHRASES = TrailingCue.phrases(
            "name is",
            "name's",
            "first name[ is]",
            "last name[ is]",
            "this is",
            "surname[ is]",
            "family name[ is]",
            "given name[ is]");

    private static final TrailingCue LOWER_STRONG_TRIGGER = TrailingCue.thenNonWordChars(LOWER_STRONG_PHRASES);
    /** Lower-case speech: words after which a listed name is a name. */
    private static final List<String> LOWER_WEAK_PHRASES = union(
            TrailingCue.phrases(
                    "patient[ is]",
                    "calling for",
                    "calling about",
                    "i am",
                    "i'm",
                    "it is",
                    "it's",
                    "yeah",
                    "hi",
                    "hello",
                    "add",
                    "for",
                    "doctor",
                    "dr[.]",
                    "thanks",
                    "thank you"),
            TrailingCue.withEndings(MY_RELATIVES, "", " is"));

    private static final TrailingCue LOWER_WEAK_TRIGGER = TrailingCue.thenNonWordChars(LOWER_WEAK_PHRASES);
    /** Either of the two: one test where most words have neither before them. */
    private static final TrailingCue LOWER_ANY_TRIGGER =
            TrailingCue.thenNonWordChars(union(LOWER_STRONG_PHRASES, LOWER_WEAK_PHRASES));
    /** Lower-case speech: a turn or sentence opening with a name and then its date of birth. */
    private static final Pattern LOWER_IDENTITY = Pattern.compile(
            "(?:^|[.!?]\\s+)(\\p{Ll}[\\p{Ll}'-]+(?: [a-z]\\.)?(?: \\p{Ll}[\\p{Ll}'-]+){1,2}), (?:date of birth|dob|born)\\b");
    /** Lower-case speech: cues after which a word that is no verb form is a name. */
    private static final TrailingCue MEDIUM_LOWER_TRIGGER =
            TrailingCue.thenNonWordChars(union(MY_RELATIVES, List.of("patient is", "patient's name is")));
    /** A capitalized run directly followed by these is the name they belong to ("Zolen Trenne, date of birth ..."). */
    private static final Pattern IDENTITY_AFTER = Pattern.compile("^,? (?:date of birth|DOB|born|MRN|D\\.O\\.B)\\b");
    /** A person's contact after a run ("Tayanita Runningwater cell: ...", "Keala Vaifale's cell"). */
    private static final Pattern CONTACT_AFTER =
            Pattern.compile("^(?:(?:'s|’s|,)? (?:cell|mobile|phone|fax|email|e-mail|tel)\\b" + "|(?:'s|’s)? (?:"
                    + String.join("|", RELATIVES) + "|pager|chart|appointment|account)\\b)");
    /** Words that make a capitalized run an organisation, not a person. */
    /** Words that end the name of a clinic, practice or other organisation ("Three Rivers Pulmonology"). */
    private static final List<String> ORGANISATION_ENDINGS = WordListResource.read("organisation-endings.txt").stream()
            .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
            .sorted()
            .toList();
    /** The same words in lower case, for speech transcribed without capitals. */
    private static final Set<String> LOWER_ORGANISATION_ENDINGS = ORGANISATION_ENDINGS.stream()
            .map(word -> word.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    /** Up to two capitalized words, then a word that ends an organisation's name. */
    private static final Pattern ORGANISATION_AFTER = Pattern.compile("^(?:'s)?(?: [A-Z][a-z']+){0,2} (?:"
            + ORGANISATION_ENDINGS.stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .collect(Collectors.joining("|"))
            + ")\\b");
    /** The words ORGANISATION_AFTER ends with, by first letter, for its necessary condition. */
    private static final String[][] ORGANISATION_WORDS = byFirstLetter(ORGANISATION_ENDINGS.toArray(String[]::new));
    /** Lower-case speech: a title just before a word, which makes a listed surname a name ("dr. schmidt"). */
    private static final TrailingCue TITLE_BEFORE = TrailingCue.thenBlanks(TrailingCue.phrases("doctor", "dr[.]"));
    /** "my husband Will": after a relative, a word that is usually an ordinary word is a name. */
    private static final TrailingCue MY_RELATIVE = TrailingCue.thenOneBlank(MY_RELATIVES);

    private static final Pattern STREET_AFTER = Pattern.compile("^\\s+(?i:" + AddressRecognizer.STREET + ")\\b");
    private static final Pattern STATE_AFTER = Pattern.compile(
            "^,?\\s+(?:(?i:" + AddressRecognizer.STATE_NAMES + ")|(?:" + AddressRecognizer.STATE_CODES + "))\\b");
    /** State codes that are also English words ("in", "or", "me", "ok", "hi"). */
    private static final Pattern WORD_STATE_AFTER = Pattern.compile("^,?\\s+(?:IN|OR|ME|OK|HI)\\b");

    private static final Set<String> STATE_FIRST_WORDS = AddressRecognizer.STATE_NAME_SET.stream()
            .map(name -> name.split(" ")[0])
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Capitalized words that start sentences or label fields and are never names by themselves. */
    static final Set<String> NOT_NAMES = Set.copyOf(WordListResource.read("not-names.txt"));
    /** {@link #NOT_NAMES} for words asked in place ({@link AsciiWordSet}): those of ASCII letters only can match. */
    static final AsciiWordSet NOT_NAME_WORDS = new AsciiWordSet(NOT_NAMES);

    private static final Set<String> TITLE_NOT_NAMES = TextScan.words(
            "office",
            "offices",
            "visit",
            "appointment",
            "the",
            "and",
            "or",
            "will",
            "can",
            "said",
            "is",
            "says",
            "who",
            "if");
    private static final Set<String> LOWER_STOP = Set.copyOf(WordListResource.read("lower-case-stop-words.txt"));

    private final NameIndex names;

    /** A recognizer that checks name candidates against the given lists. */
    NameRecognizer(NameIndex names) {
        this.names = names;
    }

    // ---------------------------------------------------------------- names

    void names(String text, int[] wordStarts, Candidates out) {
        for (MatchResult title :
                StartFilter.all(TITLE_NAME, text, wordStarts, TITLE_FIRST, at -> startsTitle(text, at))) {
            String first = title.group(1).split(" ")[0];
            if (!TITLE_NOT_NAMES.contains(first.toLowerCase(Locale.ROOT))) {
                out.add(title.start(1), title.end(1), PhiKind.NAME, 68);
            }
        }
        for (MatchResult lowerTitle : StartFilter.all(
                LOWER_TITLE_NAME,
                text,
                wordStarts,
                LOWER_TITLE_FIRST,
                at -> text.startsWith("dr ", at) || text.startsWith("doctor ", at))) {
            String word = lowerTitle.group(1);
            if (!LOWER_STOP.contains(word) && names.isSurname(word)) {
                out.add(lowerTitle.start(1), lowerTitle.end(1), PhiKind.NAME, 40);
            }
        }
        for (MatchResult lowerTitle : StartFilter.all(
                LOWER_TITLE_CAPITALIZED,
                text,
                wordStarts,
                LOWER_TITLE_OR_NURSE_FIRST,
                at -> text.startsWith("dr", at) || text.startsWith("doctor ", at) || text.startsWith("nurse ", at))) {
            String name = lowerTitle.group(1);
            String first = name.split(" ")[0];
            // "doctor Monday", "nurse Practitioner": the capital must start a name, no everyday word.
            if (!EverydayWords.anyEveryday(first) && !TITLE_NOT_NAMES.contains(first.toLowerCase(Locale.ROOT))) {
                int end = EverydayWords.anyEveryday(name) ? lowerTitle.start(1) + first.length() : lowerTitle.end(1);
                out.add(lowerTitle.start(1), end, PhiKind.NAME, 60);
            }
        }
        for (MatchResult ehr :
                StartFilter.all(EHR_NAME, text, wordStarts, UPPER_OR_OTHER, at -> startsEhrName(text, at))) {
            String[] parts = ehr.group().split(", ");
            if (names.isSurname(parts[0]) || names.isFirstName(parts[1])) {
                out.add(ehr.start(), ehr.end(), PhiKind.NAME, 45);
            }
        }
        capitalizedNames(text, out);
        lowerCaseNames(text, out);
        for (MatchResult identity : StartFilter.all(
                LOWER_IDENTITY, text, sentenceEnds(text), SENTENCE_END, at -> mayOpenIdentity(text, at))) {
            String first = identity.group(1).split(" ")[0];
            if (!LOWER_STOP.contains(first) && !NOT_NAMES.contains(first) && !SpokenNumbers.isNumberWord(first)) {
                out.add(identity.start(1), identity.end(1), PhiKind.NAME, 42);
            }
        }
    }

    /** The start of the text and every full stop, ? or ! followed by a blank, ascending: where LOWER_IDENTITY can start. */
    private static int[] sentenceEnds(String text) {
        Positions found = new Positions();
        found.add(0);
        for (char mark : new char[] {'.', '!', '?'}) {
            for (int at = text.indexOf(mark, 1); at >= 0; at = text.indexOf(mark, at + 1)) {
                if (at + 1 < text.length() && RegexText.isBlank(text.charAt(at + 1))) {
                    found.add(at);
                }
            }
        }
        return found.toSortedDistinctArray();
    }

    /**
     * A necessary condition for LOWER_IDENTITY at {@code at}: from the start of the turn or after the full stop and its
     * blanks, only characters its name can hold (lower-case letters, {@code ' - .} and spaces) up to a comma, a space
     * and the first letter of "date of birth", "dob" or "born". Most sentences are no such opening, and the pattern is
     * then not tried.
     */
    private static boolean mayOpenIdentity(String text, int at) {
        if (at == 0 && reachesIdentityCue(text, 0)) {
            return true;
        }
        if (at >= text.length() || ".!?".indexOf(text.charAt(at)) < 0) {
            return false;
        }
        int name = at + 1;
        while (name < text.length() && Character.isWhitespace(text.charAt(name))) {
            name++;
        }
        return reachesIdentityCue(text, name);
    }

    private static boolean reachesIdentityCue(String text, int from) {
        int at = from;
        // A surrogate may be half of a lower-case letter: it is let through, as the condition must never refuse a
        // match.
        while (at < text.length()
                && (Character.isLowerCase(text.charAt(at))
                        || "'-. ".indexOf(text.charAt(at)) >= 0
                        || Character.isSurrogate(text.charAt(at)))) {
            at++;
        }
        return at + 2 < text.length()
                && text.charAt(at) == ','
                && text.charAt(at + 1) == ' '
                && (text.charAt(at + 2) == 'd' || text.charAt(at + 2) == 'b');
    }

    /**
     * Whether one of TITLE_NAME's titles starts here ("Dr", "Doctor", "Mr", "Mrs", "Ms", "Mx", "Miss", "Nurse", "Prof",
     * and the Spanish "Sr", "Sra", "Srta", "Dra").
     */
    private static boolean startsTitle(String text, int at) {
        return text.startsWith("Dr", at)
                || text.startsWith("Doctor", at)
                || text.startsWith("Mr", at)
                || text.startsWith("Ms", at)
                || text.startsWith("Mx", at)
                || text.startsWith("Miss", at)
                || text.startsWith("Nurse", at)
                || text.startsWith("Prof", at)
                || text.startsWith("Sr", at);
    }

    /** What EHR_NAME's {@code [A-Z][A-Z'-]{1,}, [A-Z]} needs here, told without the regex ("DOE, JANE"). */
    private static boolean startsEhrName(String text, int at) {
        int end = at + 1;
        while (end < text.length() && isEhrNameChar(text.charAt(end))) {
            end++;
        }
        return text.charAt(at) >= 'A'
                && text.charAt(at) <= 'Z'
                && end - at >= 2
                && text.startsWith(", ", end)
                && end + 2 < text.length()
                && text.charAt(end + 2) >= 'A'
                && text.charAt(end + 2) <= 'Z';
    }

    private static boolean isEhrNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c == '\'' || c == '-';
    }

    private void capitalizedNames(String text, Candidates out) {
        // The runs CAPITALIZED_RUN's successive find() calls give, found by capitalizedRunEnd.
        for (int at = 0; at < text.length(); at++) {
            if (isCapital(text.charAt(at))) {
                int end = capitalizedRunEnd(text, at);
                if (end > at) {
                    capitalizedRun(text, at, end, out);
                    at = end - 1;
                }
            }
        }
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'À' && Character.isUpperCase(c);
    }

    /**
     * Where the match of CAPITALIZED_RUN starting at {@code at} ends, -1 if none starts there, told by walking the
     * characters: a capital not after a letter, apostrophe or hyphen; a word of letters joined by apostrophes and
     * hyphens; up to three more after single spaces, each an initial ("J."), such a word, or a name particle before a
     * capital ("del Toro"). The pattern reads code points, so next to a surrogate it is asked itself.
     */
    private static int capitalizedRunEnd(String text, int at) {
        if (at > 0) {
            char previous = text.charAt(at - 1);
            if (Character.isSurrogate(previous)) {
                return capitalizedRunEndByPattern(text, at);
            }
            if (Character.isLetter(previous) || "'’-".indexOf(previous) >= 0) {
                return -1;
            }
        }
        int end = nameWordEnd(text, at);
        for (int words = 0; words < 3 && end >= 0; words++) {
            if (end + 1 >= text.length() || text.charAt(end) != ' ') {
                break;
            }
            char next = text.charAt(end + 1);
            if (next >= 'A' && next <= 'Z' && end + 2 < text.length() && text.charAt(end + 2) == '.') {
                end += 3; // the initial is the pattern's first alternative, so it wins over a one-letter word
            } else if (isCapital(next)) {
                end = nameWordEnd(text, end + 1);
            } else if (NameParticles.endsBeforeCapital(text, end + 1) > 0) {
                end = NameParticles.endsBeforeCapital(text, end + 1); // "Anahí del Toro": the capital comes next
            } else {
                break;
            }
        }
        if (end < 0) {
            return capitalizedRunEndByPattern(text, at);
        }
        return end;
    }

    /** What CAPITALIZED_RUN itself tells at {@code at}, next to a surrogate (rare: its matcher is made only then). */
    private static int capitalizedRunEndByPattern(String text, int at) {
        Matcher regex = CAPITALIZED_RUN.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        return regex.region(at, text.length()).lookingAt() ? regex.end() : -1;
    }

    /** The end of {@code [A-ZÀ-Þ][\\p{L}]*(?:['’-][\\p{L}]+)*} from the capital at {@code at}; -1 at a surrogate. */
    private static int nameWordEnd(String text, int at) {
        int end = at + 1;
        while (true) {
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            if (end < text.length() && Character.isSurrogate(text.charAt(end))) {
                return -1;
            }
            if (end + 1 < text.length() && "'’-".indexOf(text.charAt(end)) >= 0) {
                char next = text.charAt(end + 1);
                if (Character.isSurrogate(next)) {
                    return -1;
                }
                if (Character.isLetter(next)) {
                    end += 2;
                    continue;
                }
            }
            return end;
        }
    }

    /** Decides whether the capitalized run {@code text[runStart, runEnd)} is a name. */
    private void capitalizedRun(String text, int runStart, int runEnd, Candidates out) {
        int[] starts = new int[4]; // the runs of \S, as a search for \S+ finds them (a run has at most four words)
        int[] ends = new int[4];
        int words = 0;
        for (int at = runStart; at < runEnd; at++) {
            if (!RegexText.isBlank(text.charAt(at))) {
                int end = at;
                while (end < runEnd && !RegexText.isBlank(text.charAt(end))) {
                    end++;
                }
                if (words == starts.length) {
                    starts = Arrays.copyOf(starts, words * 2);
                    ends = Arrays.copyOf(ends, words * 2);
                }
                starts[words] = at;
                ends[words++] = end;
                at = end;
            }
        }
        String[] lower = new String[words]; // each word lower-cased, made once
        for (int i = 0; i < words; i++) {
            lower[i] = word(text, starts[i], ends[i]);
        }
        // Drop leading words that are not names ("Hi", "Thanks", "Name") and trailing ones ("Street").
        int from = 0;
        boolean fromProtected = false;
        while (from < words && NOT_NAMES.contains(lower[from])) {
            fromProtected = protectedFirst(text, starts[from], ends[from]);
            if (fromProtected) {
                break;
            }
            from++;
        }
        int to = words;
        while (to > from && NOT_NAMES.contains(lower[to - 1])) {
            // A protected first word stays; whether it is protected is asked only when the trimming reaches it.
            if (to - 1 == from && (fromProtected || protectedFirst(text, starts[from], ends[from]))) {
                break;
            }
            to--;
        }
        // "triage RN Liang Xie-Zheng": a clinician's credential before the run says a name follows it.
        boolean credentialBefore =
                to - from >= 2 && CREDENTIALS_BEFORE.contains(text.substring(starts[from], ends[from]));
        if (credentialBefore) {
            from++;
        }
        if (from >= to) {
            return;
        }
        int start = starts[from];
        int end = ends[to - 1];
        boolean strong = credentialBefore || CAP_STRONG_TRIGGER.endsWindow(text, Math.max(0, start - 40), start);
        boolean weak = CAP_WEAK_TRIGGER.endsWindow(text, Math.max(0, start - 40), start);
        int count = to - from;
        String firstWord = lower[from];
        String lastWord = lower[to - 1];
        // A hyphenated word of listed parts counts beside another word only: alone it is as often an eponym
        // ("Guillain-Barré") as a surname.
        boolean firstKnown = names.isFirstName(firstWord) || count >= 2 && isHyphenatedName(firstWord);
        boolean lastKnown =
                names.isSurname(lastWord) || names.isFirstName(lastWord) || count >= 2 && isHyphenatedName(lastWord);
        // "Rodel H. Dimaculangan": a middle initial between two words that are no everyday words is a name's form.
        boolean middleInitial = count >= 3
                && hasInitialInside(text, starts, ends, from, to)
                && !names.isCommonWord(firstWord)
                && !names.isCommonWord(lastWord);
        // A run that ends in a possessive ("Xiaoling Sima's pager") is asked what follows its "'s".
        boolean possessive = text.startsWith("'s", end - 2) || text.startsWith("’s", end - 2);
        String after = mayBeIdentityAfter(text, end) ? text.substring(end, Math.min(text.length(), end + 40)) : "";
        if (possessive
                && CONTACT_AFTER
                        .matcher(text.substring(end, Math.min(text.length(), end + 40)))
                        .lookingAt()) {
            after = text.substring(end, Math.min(text.length(), end + 40));
        }
        // A contact names its owner when the run looks like a name: "Reply fax:" or "Home phone" do not.
        boolean contactOwner = !after.isEmpty()
                && (count >= 2 || firstKnown)
                && CONTACT_AFTER.matcher(after).lookingAt()
                && !EverydayWords.anyEveryday(text.substring(start, end));
        boolean identity = contactOwner
                || !after.isEmpty() && IDENTITY_AFTER.matcher(after).lookingAt()
                || (text.startsWith(" spelled", end) || text.startsWith(" is spelled", end))
                        && names.isNameOrNameParts(
                                lower[to - 1]); // "Puga-Haro spelled wrong", not "Tylenol is spelled"
        boolean vocative = weak && text.startsWith(",", end) && !EverydayWords.anyEveryday(text.substring(start, end))
                || (text.startsWith(",", end) || text.startsWith("!", end))
                        && GREETING.endsWindow(text, Math.max(0, start - 12), start)
                        && !EverydayWords.anyEveryday(text.substring(start, end)); // "Hi Hastiin!", "Hola Fue,"
        boolean accept;
        // "To: Utilization Review", "Return to Pod C. Copay": after a weak cue, everyday words alone make no name.
        boolean weakName =
                weak && !EverydayWords.allEveryday(text.substring(start, end).replace(".", ""));
        if (count >= 2) {
            accept = firstKnown || lastKnown || strong || weakName || identity || middleInitial;
        } else {
            accept = (strong || identity || vocative || firstKnown && (weak || !startsSentence(text, start)))
                    && !isAllCaps(text, start, end);
        }
        // "WARD TRANSFER", "REF RANGE": capitals with an everyday word among them head a section, they name no one.
        if (accept
                && !strong
                && count >= 2
                && isAllCaps(text, start, end)
                && EverydayWords.anyEveryday(text.substring(start, end)
                        .replaceAll("\\b\\p{L}{1,2}\\b", " ")
                        .strip())) {
            return;
        }
        // "House rules:", "CONFIDENTIALITY NOTICE:": everyday or capital words before a colon label what follows.
        if (!accept
                || text.startsWith(":", end)
                        && !strong
                        && (EverydayWords.allEveryday(text.substring(start, end))
                                || count >= 2 && isAllCaps(text, start, end))) {
            return;
        }
        // The vetoes matter only for a run that would be accepted, and most are not: that is decided first.
        String value = text.substring(start, end);
        if (isStreetAfter(text, end)
                || text.startsWith("'s ", end) && NOT_NAMES.contains(lastWord)
                || AddressRecognizer.isStateOnly(text.substring(runStart, runEnd))
                || isPlace(text, end)
                || AddressRecognizer.isStateOnly(value)
                || isOrganisationAfter(text, end)
                || isInsurer(text, start, value)
                || isClinicalTerm(text, end, value)
                || mayNameOrganisation(value, true)
                        && ORGANISATION_AFTER.matcher(" " + value).lookingAt()) {
            return;
        }
        int spanEnd = end;
        if (text.startsWith("'s", spanEnd - 2) || text.startsWith("’s", spanEnd - 2)) {
            spanEnd -= 2;
        }
        out.add(start, spanEnd, PhiKind.NAME, count >= 2 ? 50 : 45);
    }

    /** Credentials written before a clinician's name ("RN", "NP"), as written, upper case. */
    private static final Set<String> CREDENTIALS_BEFORE =
            Set.of("RN", "NP", "PA", "PA-C", "LPN", "LVN", "CNA", "APRN", "FNP", "CRNA", "CNM", "RPh", "PharmD");

    /**
     * Whether the word is hyphenated and each part a listed name and no everyday word ("meza-montalvo", "xie-zheng";
     * not "pre-op" or "check-in").
     */
    private boolean isHyphenatedName(String lower) {
        if (lower.indexOf('-') <= 0) {
            return false;
        }
        for (String part : lower.split("-")) {
            if (part.length() < 2 || names.isCommonWord(part) || !names.isFirstName(part) && !names.isSurname(part)) {
                return false;
            }
        }
        return true;
    }

    /** Whether one of the words {@code (from, to - 1)} is an initial: a capital and a full stop ("H."). */
    private static boolean hasInitialInside(String text, int[] starts, int[] ends, int from, int to) {
        for (int k = from + 1; k < to - 1; k++) {
            if (ends[k] - starts[k] == 2 && text.charAt(ends[k] - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    /** Whether only blanks, or a line break and then only blanks, come before {@code start} in the 40 characters before it. */
    private static boolean startsSentence(String text, int start) {
        String before = text.substring(Math.max(0, start - 40), start);
        return before.isBlank() || endsSentence(before);
    }

    /**
     * What STREET_AFTER tells of the 12 characters after {@code end}, asked only where its necessary condition holds:
     * blanks, then a street word (or "broadway") as the whole run of letters within those characters.
     */
    private static boolean isStreetAfter(String text, int end) {
        int limit = Math.min(text.length(), end + 12);
        int at = end;
        while (at < limit && RegexText.isBlank(text.charAt(at))) {
            at++;
        }
        return at > end
                && at < limit
                && AddressRecognizer.STREET_WORDS.containsLetters(
                        text, at, Math.min(TextScan.letterRunEnd(text, at), limit))
                && STREET_AFTER.matcher(text.substring(end, limit)).lookingAt();
    }

    /**
     * Words after an eponym in a clinical term: "Glasgow Coma Scale", "Framingham Risk Score", "Epley maneuver",
     * "Apgar score", "Hodgkin lymphoma". The person a term is named after is no patient.
     */
    private static final Pattern CLINICAL_TERM =
            Pattern.compile("(?i)^(?:'s?)?(?: [A-Z][a-z]+)? (?:scale|score|criteria"
                    + "|index|test|classification|maneuver|manoeuvre|syndrome|disease|palsy|sign|reflex|procedure|protocol|rule"
                    + "|staging|questionnaire|inventory|equation|formula|ratio|grade|method|technique|operation|repair|fracture"
                    + "|lymphoma|sarcoma|tumor|tumour|cyst|ulcer|position|catheter|line|stocking|stockings|method|virus|infection"
                    + "|pattern|block|tube|nodes?|murmur|phenomenon|hernia|anomaly|deformity|contracture|shunt|bodies"
                    + "|dementia|ataxia|dystrophy|neuralgia|encephalopathy|thyroiditis|esophagus|diverticulum)\\b");

    /** Whether the run is, or is followed by, a clinical term named after a person. */
    private static boolean isClinicalTerm(String text, int end, String value) {
        if (CLINICAL_TERM
                .matcher(text.substring(end, Math.min(text.length(), end + 30)))
                .lookingAt()) {
            return true;
        }
        int lastSpace = value.lastIndexOf(' ');
        return lastSpace > 0
                && CLINICAL_TERM.matcher(value.substring(lastSpace)).lookingAt();
    }

    /** US health insurers and plan brands, lower case; some are surnames too, so context decides (see isInsurer). */
    private static final Set<String> INSURERS = Set.copyOf(WordListResource.read("insurers.txt"));
    /** Words around an insurer's name in an insurance context: the coverage, the plan, the subscriber. */
    private static final Pattern INSURANCE_CONTEXT = Pattern.compile(
            "(?i)\\b(?:coverage|covered|insurance|insurer|insured|plan|payer|payor|carrier|subscriber|member|medicaid"
                    + "|medicare|policy|copay|benefits|eligibility|in-network|network)\\b");

    private static final Pattern INSURER_SUFFIX = Pattern.compile(
            "^ (?:Healthcare|Health|HealthCare|Permanente|Medicaid|Medicare|Complete|Plan|Advantage|Blue)\\b");

    /**
     * Whether the capitalized run is an insurer's name: each of its words is one, and insurance words stand in the
     * 60 characters before it or a plan word follows ("Molina Healthcare", "coverage is Molina"). Insurer names are
     * never PHI (SPEC §6), but several are also surnames, so the list alone does not decide.
     */
    private static boolean isInsurer(String text, int start, String value) {
        for (String word : value.split(" ")) {
            if (!INSURERS.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        int end = start + value.length();
        return INSURANCE_CONTEXT
                        .matcher(text.substring(Math.max(0, start - 60), start))
                        .find()
                || INSURER_SUFFIX
                        .matcher(text.substring(end, Math.min(text.length(), end + 20)))
                        .lookingAt();
    }

    /** Whether the word (any case) ends the names of clinics, practices and other organisations ("Clinic", "Health"). */
    static boolean isOrganisationWord(String word) {
        return LOWER_ORGANISATION_ENDINGS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** What ORGANISATION_AFTER tells of the 40 characters after {@code end}, asked only where one of its words is there. */
    private static boolean isOrganisationAfter(String text, int end) {
        String following = text.substring(end, Math.min(text.length(), end + 40));
        return mayNameOrganisation(following, false)
                && ORGANISATION_AFTER.matcher(following).lookingAt();
    }

    /**
     * A necessary condition for IDENTITY_AFTER at {@code end}: an optional comma, a space, then the first letter of
     * one of its words ("date of birth", "DOB", "born", "MRN", "D.O.B").
     */
    private static boolean mayBeIdentityAfter(String text, int end) {
        int at = text.startsWith(",", end)
                ? end + 1
                : text.startsWith("'s", end) || text.startsWith("’s", end) ? end + 2 : end;
        return at + 1 < text.length()
                && text.charAt(at) == ' '
                && "dDbMcpfetCPFETmgsauhwn".indexOf(text.charAt(at + 1)) >= 0;
    }

    /** Whether {@code text[start, end)} equals its upper-case form, as comparing it with a copy upper-cased tells. */
    private static boolean isAllCaps(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
            if (c >= 128) {
                String value = text.substring(start, end);
                return value.equals(value.toUpperCase(Locale.ROOT));
            }
        }
        return true;
    }

    /** What {@code (?s).*[.!?:\n]\s*$} matches: a full stop, ?, !, colon or line break, then only blanks. */
    private static boolean endsSentence(String before) {
        int end = before.length();
        while (end > 0 && RegexText.isBlank(before.charAt(end - 1))) {
            if (before.charAt(end - 1) == '\n') {
                return true;
            }
            end--;
        }
        return end > 0 && ".!?:".indexOf(before.charAt(end - 1)) >= 0;
    }

    /** "tillman d. romaguera": a one-letter word with a period, between two name words, is a middle initial. */
    private static boolean initialFollows(String text, int start, int end) {
        return end - start == 1
                && text.startsWith(". ", end)
                && end + 2 < text.length()
                && Character.isLowerCase(text.charAt(end + 2));
    }

    private static boolean protectedFirst(String text, int start, int end) {
        int from = Math.max(0, start - 30);
        boolean nextCapitalized = end + 1 < text.length()
                && text.charAt(end) == ' '
                && Character.isUpperCase(text.charAt(end + 1))
                && Character.isLowerCase(text.charAt(end - 1));
        // "Name: Sunny Lentine": after a strong cue, a usual word that starts a two-word name is part of it.
        return MY_RELATIVE.endsWindow(text, from, start)
                || nextCapitalized && CAP_STRONG_TRIGGER.endsWindow(text, from, start);
    }

    private static boolean isLowerLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'ß' && Character.isLowerCase(c);
    }

    private static boolean isPlace(String text, int end) {
        String after = text.substring(end, Math.min(text.length(), end + 24));
        return mayStartWithState(after)
                && STATE_AFTER.matcher(after).lookingAt()
                && !WORD_STATE_AFTER.matcher(after).lookingAt();
    }

    /**
     * A necessary condition for STATE_AFTER: after a comma and blanks, the word is a state code or a state name's
     * first word. Its {@code \\b} after the state means the name is the whole run of letters.
     */
    private static boolean mayStartWithState(String after) {
        int at = after.startsWith(",") ? 1 : 0;
        if (at >= after.length() || !RegexText.isBlank(after.charAt(at))) {
            return false;
        }
        while (at < after.length() && RegexText.isBlank(after.charAt(at))) {
            at++;
        }
        int end = at;
        while (end < after.length() && RegexText.isLetter(after.charAt(end))) {
            end++;
        }
        String word = after.substring(at, end);
        return AddressRecognizer.STATE_CODE_SET.contains(word)
                || STATE_FIRST_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static String word(String text, int start, int end) {
        int last = end;
        while (last > start && ",.;:!?".indexOf(text.charAt(last - 1)) >= 0) {
            last--; // a word holds no line terminator, so this is all that replacing "[,.;:!?]+$" removed
        }
        return text.substring(start, last).toLowerCase(Locale.ROOT);
    }

    private void lowerCaseNames(String text, Candidates out) {
        Positions wordStarts = new Positions(); // the words, as LOWER_WORD finds them: [a-zà-ÿ][a-zà-ÿ'-]*
        Positions wordEnds = new Positions();
        for (int at = 0; at < text.length(); at++) {
            if (isLowerLetter(text.charAt(at))) {
                int end = at + 1;
                while (end < text.length()
                        && (isLowerLetter(text.charAt(end)) || "'-".indexOf(text.charAt(end)) >= 0)) {
                    end++;
                }
                wordStarts.add(at);
                wordEnds.add(end);
                at = end - 1;
            }
        }
        int[] starts = wordStarts.toArray();
        int[] ends = wordEnds.toArray();
        int count = starts.length;
        for (int i = 0; i < count; i++) {
            int start = starts[i];
            if (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                continue;
            }
            int from = Math.max(0, start - 40);
            if (!LOWER_ANY_TRIGGER.endsWindow(text, from, start)) {
                continue;
            }
            boolean strong = LOWER_STRONG_TRIGGER.endsWindow(text, from, start);
            if (!strong && !LOWER_WEAK_TRIGGER.endsWindow(text, from, start)) {
                continue;
            }
            String lower = word(text, starts[i], ends[i]);
            String first = lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower;
            // "the surname letters": after a cue without "is", an everyday word is a name only if it is a given name.
            String cueEnd = text.substring(Math.max(0, start - 4), start);
            strong &= cueEnd.endsWith("is ")
                    || cueEnd.endsWith("'s ")
                    || !names.isCommonWord(first)
                    || names.isFirstName(first);
            boolean afterTitle = TITLE_BEFORE.endsWindow(text, from, start);
            boolean relative = MY_RELATIVE.endsWindow(text, from, start);
            boolean listed = names.isFirstName(first) || afterTitle && names.isSurname(first);
            boolean titleSurname = afterTitle
                    && !LOWER_STOP.contains(first)
                    && !NOT_NAMES.contains(first)
                    && first.length() >= 4
                    && !VERB_OR_ADVERB_ENDING.test(first);
            String next = i + 1 < count ? word(text, starts[i + 1], ends[i + 1]) : null;
            if (titleSurname) {
                int end = ends[i];
                if (next != null
                        && text.substring(end, starts[i + 1]).equals(" ")
                        && names.isSurname(next)
                        && !LOWER_STOP.contains(next)
                        && !NOT_NAMES.contains(next)) {
                    end = ends[i + 1]; // "dr. darien schmidt"
                }
                out.add(start, text.startsWith("'s", end - 2) ? end - 2 : end, PhiKind.NAME, 41);
                continue;
            }
            // "it is lucie henderson": an unlisted given name is still a name when a listed surname follows it.
            boolean surnameFollows = next != null
                    && names.isSurname(next)
                    && text.substring(ends[i], starts[i + 1]).equals(" ")
                    && !LOWER_STOP.contains(next)
                    && !NOT_NAMES.contains(next)
                    && !LOWER_STOP.contains(first)
                    && !NOT_NAMES.contains(first)
                    && !SpokenNumbers.isNumberWord(first)
                    && !SpokenNumbers.isNumberWord(next);
            // "my wife trenzo ...", "the patient is fallen ...": a word that cannot be a verb form is a name there.
            boolean medium = MEDIUM_LOWER_TRIGGER.endsWindow(text, from, start)
                    && !LOWER_STOP.contains(first)
                    && !NOT_NAMES.contains(first)
                    && !SpokenNumbers.isNumberWord(first)
                    && first.length() >= 3
                    && !VERB_ADVERB_OR_PLURAL_ENDING.test(first);
            if (!strong && !medium && !surnameFollows && !(listed && (relative || !NOT_NAMES.contains(first)))) {
                continue;
            }
            int j = i;
            int particles = 0; // "samira el gamal", "maria de la cruz": a particle does not count as a word of the name
            while (j < count && j < i + 3 + particles) {
                String word = word(text, starts[j], ends[j]);
                String gap = j == i ? " " : text.substring(ends[j - 1], starts[j]);
                boolean initialBefore = j > i && ends[j - 1] - starts[j - 1] == 1;
                boolean particleBefore = j > i && NameParticles.contains(word(text, starts[j - 1], ends[j - 1]));
                if (j > i && NameParticles.contains(word) && j + 1 < count) {
                    particles++;
                    j++;
                    continue;
                }
                boolean adjacent = gap.equals(" ") || initialBefore && gap.equals(". ");
                boolean known = names.isFirstName(word) || names.isSurname(word);
                boolean everyday =
                        j > i && word.length() > 1 && names.isCommonWord(word) && !names.isSurname(word); // "joy set"
                if (!adjacent
                        || everyday
                        || LOWER_STOP.contains(word)
                        || NOT_NAMES.contains(word) && !known
                        || SpokenNumbers.isNumberWord(word)
                        || word.length() < 2 && !initialFollows(text, starts[j], ends[j])) {
                    break;
                }
                if (j > i + 1 && !known && !initialBefore && !particleBefore) {
                    break;
                }
                j++;
            }
            while (j > i + 1 && NameParticles.contains(word(text, starts[j - 1], ends[j - 1]))) {
                j--; // a particle with no name after it is no part of one
            }
            if (j > i) {
                out.add(start, ends[j - 1], PhiKind.NAME, 42);
            }
        }
    }

    /** The words of both lists, the first list's first. */
    private static List<String> union(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String[][] byFirstLetter(String... words) {
        String[][] byLetter = new String[26][];
        for (char letter = 'A'; letter <= 'Z'; letter++) {
            char first = letter;
            byLetter[letter - 'A'] =
                    Arrays.stream(words).filter(w -> w.charAt(0) == first).toArray(String[]::new);
        }
        return byLetter;
    }

    /**
     * A necessary condition for ORGANISATION_AFTER to match {@code value}, or a space and {@code value} when
     * {@code spaceFirst}: a space then one of its last words ("Lab" for "Labs") somewhere in it.
     */
    private static boolean mayNameOrganisation(String value, boolean spaceFirst) {
        for (int at = spaceFirst ? 0 : 1; at < value.length(); at++) {
            char c = value.charAt(at);
            if ((at == 0 || value.charAt(at - 1) == ' ') && c >= 'A' && c <= 'Z') {
                for (String word : ORGANISATION_WORDS[c - 'A']) {
                    if (value.startsWith(word, at)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
