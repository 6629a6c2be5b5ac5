package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds values by the field that holds them, wherever a turn carries structure: JSON ({@code "dob": "1987-05-03"}, what
 * tool-call arguments are), {@code key: value} lines of forms and notes ({@code Pt: Doan, Van}), query strings
 * ({@code phone=415-555-0132&x=1}), tables whose header names the column (CSV, markdown) and HL7 v2 segments
 * ({@code PID|1||M123^^^H^MR||ROE^JANE||19870503}) and X12 segments ({@code NM1*IL*1*ROE*JANE****MI*W123}). The
 * field's name decides the kind, so a value is found whatever its
 * format; the value must still look like one of that kind (a name has letters, an identifier digits).
 */
final class StructuredFieldRecognizer {
    private StructuredFieldRecognizer() {}

    /** The evidence of a field's name: above a keyword nearby (60), below a date's or an address's own shape. */
    private static final int PRIORITY = 61;

    private static final int DOB_PRIORITY = 73;

    /** Field names (lower case, words separated by single spaces) and the kind of their values. */
    private static final Map<String, PhiKind> FIELDS = fields();

    private static Map<String, PhiKind> fields() {
        Map<String, PhiKind> f = new HashMap<>();
        put(
                f,
                PhiKind.NAME,
                "name",
                "full name",
                "patient",
                "patient name",
                "pt",
                "pt name",
                "first name",
                "last name",
                "given name",
                "family name",
                "surname",
                "middle name",
                "first",
                "last",
                "legal name",
                "preferred name",
                "guarantor",
                "guarantor name",
                "subscriber",
                "subscriber name",
                "insured",
                "insured name",
                "contact",
                "emergency contact",
                "contact name",
                "caregiver",
                "parent",
                "guardian",
                "spouse",
                "next of kin",
                "nok",
                "mother",
                "father",
                "provider",
                "attending",
                "physician",
                "pcp",
                "referring provider",
                "referring",
                "ordering provider",
                "nurse",
                "rn",
                "caller",
                "member name",
                "patient first name",
                "patient last name",
                "responsible party",
                "requested by",
                "signed by",
                "family",
                "given",
                "account holder",
                "policy holder",
                "policyholder",
                "cardholder",
                "representative",
                "patient representative",
                "ordering",
                "ordering provider name",
                "reconciled by",
                "reviewed by",
                "verified by",
                "cc");
        put(
                f,
                PhiKind.DOB,
                "dob",
                "d o b",
                "date of birth",
                "birth date",
                "birthdate",
                "birthday",
                "born",
                "patient dob");
        put(
                f,
                PhiKind.DATE,
                "date of service",
                "dos",
                "admit date",
                "admission date",
                "discharge date",
                "visit date",
                "appointment",
                "appointment date",
                "appt",
                "appt date",
                "service date",
                "surgery date",
                "procedure date",
                "referral date",
                "expires",
                "expiration",
                "expiration date",
                "auth expires",
                "last visit",
                "next visit");
        put(
                f,
                PhiKind.PHONE,
                "phone",
                "phone number",
                "tel",
                "telephone",
                "cell",
                "cell phone",
                "mobile",
                "mobile phone",
                "home phone",
                "work phone",
                "callback",
                "call back",
                "callback number",
                "contact number",
                "pager",
                "phone home",
                "phone cell",
                "phone work",
                "contact phone");
        put(f, PhiKind.FAX, "fax", "fax number", "fax no", "facsimile");
        put(f, PhiKind.EMAIL, "email", "e mail", "email address", "mail");
        put(
                f,
                PhiKind.ADDRESS,
                "address",
                "street",
                "street address",
                "address line",
                "address line 1",
                "address1",
                "addr",
                "addr1",
                "home address",
                "mailing address",
                "residence");
        put(f, PhiKind.CITY, "city", "town", "municipality", "lives in", "hometown", "city of residence");
        put(f, PhiKind.ZIP, "zip", "zip code", "zipcode", "postal code", "postcode", "postal");
        put(f, PhiKind.SSN, "ssn", "social", "social security", "social security number", "ss", "ss number");
        put(
                f,
                PhiKind.MRN,
                "mrn",
                "medical record",
                "medical record number",
                "chart",
                "chart number",
                "chart no",
                "patient id",
                "pid",
                "record number",
                "hospital number",
                "med rec");
        put(
                f,
                PhiKind.HEALTH_PLAN,
                "member id",
                "member",
                "member number",
                "subscriber id",
                "policy",
                "policy number",
                "policy id",
                "insurance id",
                "plan id",
                "mbi",
                "medicare id",
                "medicaid id",
                "coverage",
                "insurance",
                "group member id",
                "beneficiary id");
        put(
                f,
                PhiKind.ACCOUNT,
                "account",
                "account number",
                "acct",
                "acct no",
                "account no",
                "billing account",
                "guarantor account",
                "invoice");
        put(
                f,
                PhiKind.LICENSE,
                "license",
                "drivers license",
                "driver license",
                "dl",
                "license number",
                "npi",
                "dea",
                "state id");
        put(f, PhiKind.VEHICLE, "vin", "plate", "license plate", "plates", "tag");
        put(f, PhiKind.DEVICE, "serial", "serial number", "device serial", "udi", "device id", "sn", "s n");
        put(f, PhiKind.URL, "url", "website", "profile", "homepage");
        put(f, PhiKind.IP, "ip", "ip address", "ipv4", "ipv6", "client ip");
        put(f, PhiKind.AGE, "age");
        put(f, PhiKind.CARD, "card", "card number", "credit card", "cc");
        return Map.copyOf(f);
    }

    private static void put(Map<String, PhiKind> fields, PhiKind kind, String... names) {
        for (String name : names) {
            fields.put(name, kind);
        }
    }

    /** {@code "key" : "value"} or {@code "key": 123}, the value without its quotes. */
    private static final Pattern JSON_FIELD = Pattern.compile(
            // (1) the quote's escape, when the JSON is itself inside a JSON string (tool-call arguments quoting a note)
            "(\\\\?)\"([A-Za-z][A-Za-z0-9_ .-]{0,40})\\1\"\\s*:\\s*"
                    + "(?:\\1\"((?:[^\"\\\\\\n]|\\\\[^\"\\n]){1,200}?)\\1\"|(-?[0-9][0-9.]{0,30}))");
    /** {@code "key": ["value", ...]}: an array of strings, as FHIR writes given names ({@code "given": ["Chidi"]}). */
    private static final Pattern JSON_ARRAY_FIELD = Pattern.compile(
            "\"([A-Za-z][A-Za-z0-9_ .-]{0,40})\"\\s*:\\s*\\[((?:\\s*\"[^\"\\\\\\n]{1,200}\"\\s*,?){1,10})\\s*]");

    private static final Pattern JSON_STRING = Pattern.compile("\"([^\"\\\\\\n]{1,200})\"");
    /** XML: {@code <family value="Okafor"/>} (FHIR's form) and {@code <dob>1952-03-15</dob>}. */
    private static final Pattern XML_VALUE_ATTRIBUTE =
            Pattern.compile("<([A-Za-z][A-Za-z0-9_.-]{0,40})\\b[^<>]{0,80}?\\bvalue=\"([^\"<>]{1,200})\"");

    private static final Pattern XML_ELEMENT =
            Pattern.compile("<([A-Za-z][A-Za-z0-9_.-]{0,40})(?:\\s[^<>]{0,80})?>([^<>]{1,200})</\\1>");
    /** {@code key="value with blanks"} in a log line. */
    private static final Pattern QUOTED_FIELD =
            Pattern.compile("(?:^|[?&;\\s])([A-Za-z][A-Za-z0-9_.-]{0,40})=\"([^\"\\n]{1,200})\"");
    /** {@code key=value} in a query string or form body. */
    private static final Pattern QUERY_FIELD =
            Pattern.compile("(?:^|[?&;\\s])([A-Za-z][A-Za-z0-9_.-]{0,40})=([^&;\\s#\"'{}<>\\\\]{1,200})");
    /** Finds the values of named fields. */
    static void fields(String text, Candidates out) {
        if (text.indexOf('"') >= 0 && text.indexOf(':') >= 0) {
            Matcher m = JSON_FIELD.matcher(text);
            while (m.find()) {
                int group = m.group(3) != null ? 3 : 4;
                value(text, m.group(2), m.start(group), m.end(group), out);
            }
        }
        if (text.indexOf('[') >= 0 && text.indexOf('"') >= 0) {
            Matcher m = JSON_ARRAY_FIELD.matcher(text);
            while (m.find()) {
                Matcher item = JSON_STRING.matcher(text).region(m.start(2), m.end(2));
                while (item.find()) {
                    value(text, m.group(1), item.start(1), item.end(1), out);
                }
            }
        }
        if (text.indexOf('<') >= 0 && (text.indexOf("/>") >= 0 || text.indexOf("</") >= 0)) {
            for (Pattern xml : List.of(XML_VALUE_ATTRIBUTE, XML_ELEMENT)) {
                Matcher m = xml.matcher(text);
                while (m.find()) {
                    value(text, m.group(1), m.start(2), m.end(2), out);
                }
            }
        }
        if (text.indexOf('=') >= 0) {
            Matcher m = QUERY_FIELD.matcher(text);
            while (m.find()) {
                value(text, m.group(1), m.start(2), m.end(2), out);
            }
            if (text.indexOf("=\"") >= 0) {
                Matcher quoted = QUOTED_FIELD.matcher(text);
                while (quoted.find()) {
                    value(text, quoted.group(1), quoted.start(2), quoted.end(2), out);
                }
            }
        }
        for (int colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
            labelled(text, colon, out);
        }
        tables(text, out);
        fixedWidthTables(text, out);
        Hl7Segments.fields(text, out);
        X12Segments.fields(text, out);
    }

    /**
     * A {@code Key: value} pair whose colon is at {@code colon}: the key is the last one to four words before it (the
     * longest that names a field), the value runs to the end of the line, a {@code |} or {@code ;}, or the next
     * {@code Key:}. A name or a city is taken only after a key that starts its line or field, since their values are
     * told by capitals alone.
     */
    private static void labelled(String text, int colon, Candidates out) {
        if (colon + 1 >= text.length()
                || colon > 0 && TextScan.isDigit(text.charAt(colon - 1)) && TextScan.isDigit(text.charAt(colon + 1))) {
            return; // a time of day, "3:30"
        }
        int keyEnd = colon;
        while (keyEnd > 0 && (text.charAt(keyEnd - 1) == ' ' || text.charAt(keyEnd - 1) == '\t')) {
            keyEnd--;
        }
        int[] wordStarts = new int[4];
        int words = 0;
        int at = keyEnd;
        while (words < 4 && at > 0 && colon - at < 40) {
            int wordEnd = at;
            while (at > 0 && isKeyChar(text.charAt(at - 1))) {
                at--;
            }
            if (at == wordEnd) {
                break;
            }
            wordStarts[words++] = at;
            if (at == 0 || text.charAt(at - 1) != ' ') {
                break;
            }
            at--;
        }
        for (int w = words - 1; w >= 0; w--) {
            String key = text.substring(wordStarts[w], keyEnd);
            PhiKind kind = kindOf(key);
            if (kind == null) {
                continue;
            }
            if ((kind == PhiKind.NAME || kind == PhiKind.CITY) && !startsField(text, wordStarts[w])) {
                return;
            }
            int valueStart = colon + 1;
            int valueEnd = valueStart;
            // The value ends with its line or field, or with the JSON string it is written in.
            while (valueEnd < text.length() && !endsValue(text.charAt(valueEnd)) && valueEnd - valueStart < 200) {
                valueEnd++;
            }
            // A further key ends with a colon inside the value: most values have none, and the search is skipped.
            int nextColon = text.indexOf(':', valueStart, valueEnd);
            Matcher next = nextColon < 0 ? null : NEXT_KEY.matcher(text).region(valueStart, valueEnd);
            if (next != null && next.find()) {
                valueEnd = next.start();
            }
            value(text, key, valueStart, valueEnd, out);
            return;
        }
    }

    /** {@code \\n \\r | ; "}: the end of a labelled value's line, field or JSON string. */
    private static boolean endsValue(char c) {
        return c == '\n' || c == '\r' || c == '|' || c == ';' || c == '"';
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/' || c == '\'';
    }

    /** Whether a key starting here starts its line or field: after a line break, a bullet, {@code |}, {@code ;} or two blanks. */
    private static boolean startsField(String text, int start) {
        int at = start;
        while (at > 0
                && (text.charAt(at - 1) == ' '
                        || text.charAt(at - 1) == '\t'
                        || "-*•·>".indexOf(text.charAt(at - 1)) >= 0)) {
            at--;
        }
        return at == 0 || "\n\r|;{,".indexOf(text.charAt(at - 1)) >= 0 || start - at >= 2;
    }

    /** A further "Key:" within a value: one to three capitalized words and a colon, after a blank or a comma. */
    private static final Pattern NEXT_KEY =
            Pattern.compile("(?:\\s+|,\\s*)(?=[A-Z][A-Za-z.]{0,20}(?: [A-Za-z.]{1,20}){0,2}:(?:\\s|$))");

    /** The longest field name, written out: longer keys are not looked up. */
    private static final int LONGEST_KEY = 40;

    /** Whether the last word of {@code text[start, end)} ends an organisation's name ("Cardiology", "Associates"). */
    private static boolean endsWithOrganisationWord(String text, int start, int end) {
        int word = end;
        while (word > start && Character.isLetter(text.charAt(word - 1))) {
            word--;
        }
        return word < end && NameRecognizer.isOrganisationWord(text.substring(word, end));
    }

    /** Fields that hold a plan's ID or the name of the person it covers, told apart by the value. */
    private static final Set<String> HOLDER_KEYS = Set.of("member", "subscriber", "insured", "beneficiary");

    private static boolean hasDigit(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Abbreviations for "number" written after a field's name. */
    private static final Set<String> NUMBER_WORDS = Set.of("no", "num", "nbr", "nr", "number");
    /** Words before a field's name that say whose or which it is. */
    private static final Set<String> OWNER_WORDS = Set.of(
            "pt",
            "patient",
            "device",
            "primary",
            "current",
            "home",
            "subscriber",
            "insured",
            "member",
            "guarantor",
            "caller",
            "client");

    /** The kind a field's name gives its values, or {@code null}. */
    static PhiKind kindOf(String fieldName) {
        if (!mayNameField(fieldName)) {
            return null;
        }
        String key = keyOf(fieldName);
        if (key == null) {
            return null;
        }
        PhiKind kind = FIELDS.get(key);
        if (kind == null && key.startsWith("patient ")) {
            kind = FIELDS.get(key.substring(8));
        }
        if (kind == null && key.endsWith(" 1")) {
            kind = FIELDS.get(key.substring(0, key.length() - 2));
        }
        // "policy_no", "member nbr", "device_sn", "pt phone": an abbreviation for "number" after the field's name, or a
        // word saying whose field it is before it, leaves the name itself.
        int lastBlank = key.lastIndexOf(' ');
        if (kind == null && lastBlank > 0 && NUMBER_WORDS.contains(key.substring(lastBlank + 1))) {
            kind = FIELDS.get(key.substring(0, lastBlank));
        }
        int firstBlank = key.indexOf(' ');
        if (kind == null && firstBlank > 0 && OWNER_WORDS.contains(key.substring(0, firstBlank))) {
            kind = FIELDS.get(key.substring(firstBlank + 1));
        }
        return kind;
    }

    /**
     * The first words of the field names, and "patient", which {@link #kindOf} also reads before one: every key it knows
     * starts with one of them.
     */
    private static final AsciiWordSet FIELD_FIRST_WORDS = new AsciiWordSet(
            Stream.concat(FIELDS.keySet().stream().map(name -> name.split(" ")[0]), Stream.of("patient"))
                    .toList());

    /**
     * A necessary condition for {@link #kindOf}, told without building the key: the name's first word is the first word
     * of a field name. Asked of every cell of every line that could head a table, most of them words of prose. A first
     * word of other than ASCII letters and digits (which keep their value lower-cased as the word set compares them)
     * is left to the whole rule.
     */
    private static boolean mayNameField(String fieldName) {
        int start = 0;
        while (start < fieldName.length() && isKeySeparator(fieldName.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < fieldName.length() && !isKeySeparator(fieldName.charAt(end)) && !isCamelBoundary(fieldName, end)) {
            if (!TextScan.isAsciiAlnum(fieldName.charAt(end))) {
                return true;
            }
            end++;
        }
        return FIELD_FIRST_WORDS.containsLetters(fieldName, start, end);
    }

    /** Whether a word of a camel-case name starts at {@code at}: a capital after a small letter ("postalCode"). */
    private static boolean isCamelBoundary(String fieldName, int at) {
        return at > 0 && Character.isUpperCase(fieldName.charAt(at)) && Character.isLowerCase(fieldName.charAt(at - 1));
    }

    /** What {@link #keyOf} reads as a blank between words. */
    private static boolean isKeySeparator(char c) {
        return Character.isWhitespace(c) || c == '_' || c == '.' || c == '-' || c == '/' || c == '#' || c == '\'';
    }

    /**
     * The field name as FIELDS holds it: lower case, {@code _ . - / # '} and camel-case word starts as blanks, single
     * blanks between words; or
     * {@code null} for a name too long to be one.
     */
    private static String keyOf(String fieldName) {
        if (fieldName.length() > LONGEST_KEY + 10) {
            return null;
        }
        StringBuilder key = new StringBuilder(fieldName.length());
        boolean blank = true; // drops leading blanks and runs of blanks
        for (int i = 0; i < fieldName.length(); i++) {
            char c = fieldName.charAt(i);
            if (isCamelBoundary(fieldName, i) && !blank) {
                key.append(' '); // "postalCode" is "postal code"
            }
            if (isKeySeparator(c)) {
                if (!blank) {
                    key.append(' ');
                    blank = true;
                }
            } else {
                key.append(Character.toLowerCase(c));
                blank = false;
            }
        }
        int length = key.length();
        if (length > 0 && key.charAt(length - 1) == ' ') {
            key.setLength(length - 1);
        }
        return key.length() <= LONGEST_KEY ? key.toString() : null;
    }

    /** Adds the value {@code text[start, end)} of the field named {@code fieldName}, if its kind is known and it fits. */
    static void value(String text, String fieldName, int start, int end, Candidates out) {
        PhiKind kind = kindOf(fieldName);
        if (kind == null) {
            return;
        }
        if (kind == PhiKind.HEALTH_PLAN && HOLDER_KEYS.contains(keyOf(fieldName)) && !hasDigit(text, start, end)) {
            kind = PhiKind.NAME; // "Member: Tanveer Nadkarni": the field names the member, not the member's ID
        }
        while (start < end && " \t\"'#([".indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\"',.;)]}\r".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end <= start) {
            return;
        }
        if (kind == PhiKind.CITY) {
            int comma = text.indexOf(',', start);
            if (comma > start && comma < end) {
                end = comma; // "Independence, MO": the city without its state
            }
        }
        int[] span = fitting(text, start, end, kind);
        if (span == null && kind == PhiKind.NAME && !"name".equals(keyOf(fieldName))) {
            span = lowerCaseName(text, start, end); // caller="nisreen al-amoudi": a person's field, written lower case
        }
        if (span != null && kind == PhiKind.NAME && endsWithOrganisationWord(text, span[0], span[1])) {
            return; // <name value="Copper Basin Cardiology"/>: an organisation's name field
        }
        if (span != null) {
            // A birth date's field outranks the date recognizers, which call a date a birth date only near birth words.
            out.add(
                    span[0],
                    span[1],
                    kind,
                    kind == PhiKind.DOB ? DOB_PRIORITY : PRIORITY,
                    "field \"" + keyOf(fieldName) + "\"");
        }
    }

    /** The part of the value that is of the kind, or {@code null} when it does not look like one. */
    private static int[] fitting(String text, int start, int end, PhiKind kind) {
        int letters = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            letters += Character.isLetter(c) ? 1 : 0;
            digits += Character.isDigit(c) ? 1 : 0;
        }
        return switch (kind) {
            case NAME, CITY -> letters >= 2 && !isPlaceholder(text, start, end) ? nameLike(text, start, end) : null;
            case ADDRESS, EMAIL, URL ->
                letters >= 2 && end - start <= 120 && !isPlaceholder(text, start, end) ? new int[] {start, end} : null;
            case DOB, DATE -> digits >= 2 && end - start <= 40 ? new int[] {start, end} : null;
            case AGE ->
                digits >= 2 && digits <= 3 && end - start <= 12 && leadingNumber(text, start, end) >= 90
                        ? new int[] {
                            start,
                            start
                                    + String.valueOf(leadingNumber(text, start, end))
                                            .length()
                        }
                        : null;
            case PHONE, FAX -> digits >= 7 ? digitStretch(text, start, end) : null;
            default -> digits >= 4 ? digitStretch(text, start, end) : null;
        };
    }

    /** Titles before a name; the name is labelled without them. */
    private static final Pattern TITLE =
            Pattern.compile("(?i)^(?:dr|mr|mrs|ms|mx|miss|prof|doctor|nurse|rn|np|pa)\\.?\\s+");
    /** Small words inside names ("María de la Cruz", "van der Berg", "bin Laden"). */
    private static final Set<String> PARTICLES = Set.of(
            "de", "del", "della", "la", "le", "van", "der", "den", "von", "da", "das", "do", "dos", "du", "di", "bin",
            "bint", "al", "el", "ibn", "y", "e", "st");

    /**
     * The value without a title, cut after its last name-like word: one to five words, each capitalized (or a
     * particle), at most one comma as in "Roe, Jane" ("Pt: Doan, Van, born ..." is "Doan, Van"); else {@code null}.
     */
    private static int[] nameLike(String text, int start, int end) {
        Matcher title = TITLE.matcher(text).region(start, end);
        if (title.lookingAt()) {
            start = title.end();
        }
        int words = 0;
        int commas = 0;
        int nameEnd = -1;
        int at = start;
        while (at < end && words < 5) {
            int wordEnd = at;
            while (wordEnd < end && !Character.isWhitespace(text.charAt(wordEnd)) && text.charAt(wordEnd) != ',') {
                wordEnd++;
            }
            if (wordEnd == at || !isNameWord(text, at, wordEnd) || kindOf(text.substring(at, wordEnd)) != null) {
                break; // not a name's word, or the next field's name ("Maria Lopez MRN 4821...")
            }
            words++;
            nameEnd = wordEnd;
            at = wordEnd;
            if (at < end && text.charAt(at) == ',') {
                if (++commas > 1) {
                    break;
                }
                at++;
            }
            while (at < end && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
        return nameEnd > start ? new int[] {start, nameEnd} : null;
    }

    /** A capitalized word of letters (apostrophes, hyphens, full stops inside), or a particle. */
    private static boolean isNameWord(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c) && "'’.-".indexOf(c) < 0) {
                return false;
            }
        }
        return Character.isUpperCase(text.charAt(start))
                || PARTICLES.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
    }

    /**
     * A value of one to four lower-case words, none an everyday word ("nisreen al-amoudi"), as logs and speech write a
     * person's name; {@code null} otherwise. Asked only of fields that name a person, not of a bare "name", which as
     * often names a drug or a clinic.
     */
    private static int[] lowerCaseName(String text, int start, int end) {
        String value = text.substring(start, end);
        String[] words = value.split(" ");
        if (words.length > 4 || isPlaceholder(text, start, end) || !value.equals(value.toLowerCase(Locale.ROOT))) {
            return null;
        }
        for (String word : words) {
            if (word.isEmpty()
                    || !word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')
                    || EverydayWords.anyEveryday(word) && !PARTICLES.contains(word)) {
                return null;
            }
        }
        return new int[] {start, end};
    }

    /** Values that say a field is empty: "N/A", "none", "unknown", "null". */
    private static boolean isPlaceholder(String text, int start, int end) {
        String value = text.substring(start, end).toLowerCase(Locale.ROOT);
        return value.equals("n/a")
                || value.equals("na")
                || value.equals("none")
                || value.equals("unknown")
                || value.equals("null")
                || value.equals("self")
                || value.equals("same")
                || value.equals("tbd");
    }

    private static int leadingNumber(String text, int start, int end) {
        int value = 0;
        int at = start;
        while (at < end && TextScan.isDigit(text.charAt(at)) && at - start < 3) {
            value = value * 10 + text.charAt(at) - '0';
            at++;
        }
        return at == start
                        || at < end
                                && Character.isLetterOrDigit(text.charAt(at))
                                && !Character.isLetter(text.charAt(at))
                ? 0
                : value;
    }

    /**
     * From the first to the last word of the value that holds a digit: an identifier without the insurer's or the
     * issuer's name before it ("Ambetter 842617779-01").
     */
    private static int[] digitStretch(String text, int start, int end) {
        int first = -1;
        int last = -1;
        int at = start;
        while (at < end) {
            while (at < end && text.charAt(at) == ' ') {
                at++;
            }
            int wordEnd = at;
            boolean digit = false;
            while (wordEnd < end && text.charAt(wordEnd) != ' ') {
                digit |= Character.isDigit(text.charAt(wordEnd));
                wordEnd++;
            }
            if (digit) {
                first = first < 0 ? at : first;
                last = wordEnd;
            }
            at = wordEnd;
        }
        if (first < 0) {
            return null;
        }
        while (first < last && "#:(".indexOf(text.charAt(first)) >= 0) {
            first++;
        }
        return new int[] {first, last};
    }

    // ---------------------------------------------------------------- tables

    /**
     * CSV and markdown tables: a header line whose cells name fields, then rows with as many cells, each cell read as
     * the value of its column's field.
     */
    private static void tables(String text, Candidates out) {
        if (text.indexOf('\n') < 0
                || text.indexOf(',') < 0 && text.indexOf('|') < 0 && text.indexOf(';') < 0 && text.indexOf('\t') < 0) {
            return;
        }
        List<int[]> lines = lines(text);
        for (int i = 0; i + 1 < lines.size(); i++) {
            int[] header = lines.get(i);
            if (header[1] - header[0] > MAX_HEADER) {
                continue; // a line of prose, not a header of short field names
            }
            char separator = separatorOf(text, header[0], header[1]);
            if (separator == 0) {
                continue;
            }
            List<int[]> headerCells = cells(text, header[0], header[1], separator);
            List<PhiKind> kinds = new ArrayList<>();
            int named = 0;
            for (int[] cell : headerCells) {
                PhiKind kind = kindOf(text.substring(cell[0], cell[1]));
                kinds.add(kind);
                named += kind != null ? 1 : 0;
            }
            if (headerCells.size() == 2 && named == 1 && kinds.get(0) != null) {
                keyValueRows(text, lines, i, separator, out); // a two-column table of field and value
                continue;
            }
            if (named == 0 || named * 2 < headerCells.size()) {
                continue;
            }
            int row = i + 1;
            for (; row < lines.size(); row++) {
                int[] line = lines.get(row);
                if (isRule(text, line[0], line[1])) {
                    continue; // the |---|---| line of a markdown table
                }
                List<int[]> rowCells = cells(text, line[0], line[1], separator);
                if (rowCells.size() != headerCells.size()) {
                    break;
                }
                for (int c = 0; c < rowCells.size(); c++) {
                    if (kinds.get(c) != null) {
                        value(
                                text,
                                text.substring(
                                        headerCells.get(c)[0], headerCells.get(c)[1]),
                                rowCells.get(c)[0],
                                rowCells.get(c)[1],
                                out);
                    }
                }
            }
            i = row - 1;
        }
    }

    /**
     * Fixed-width tables, the columns padded with blanks ("NAME      DOB      MEMBER ID"): a line
     * of field names two or more blanks apart, most of them known and none with a digit, heads the rows below it that
     * have as many cells; each cell is typed by its column's name.
     */
    private static void fixedWidthTables(String text, Candidates out) {
        if (text.indexOf('\n') < 0 || !text.contains("  ")) {
            return;
        }
        List<int[]> lines = lines(text);
        for (int i = 0; i + 1 < lines.size(); i++) {
            int[] header = lines.get(i);
            if (header[1] - header[0] > MAX_HEADER
                    || !text.substring(header[0], header[1]).contains("  ")) {
                continue;
            }
            List<int[]> headerCells = paddedCells(text, header[0], header[1]);
            int named = 0;
            boolean digits = false;
            for (int[] cell : headerCells) {
                named += kindOf(text.substring(cell[0], cell[1])) != null ? 1 : 0;
                digits |= hasDigit(text, cell[0], cell[1]);
            }
            if (headerCells.size() < 2 || named < 2 || named * 2 < headerCells.size() || digits) {
                continue;
            }
            int row = i + 1;
            for (; row < lines.size(); row++) {
                int[] line = lines.get(row);
                List<int[]> rowCells = paddedCells(text, line[0], line[1]);
                if (rowCells.size() != headerCells.size()) {
                    break;
                }
                for (int c = 0; c < rowCells.size(); c++) {
                    value(
                            text,
                            text.substring(headerCells.get(c)[0], headerCells.get(c)[1]),
                            rowCells.get(c)[0],
                            rowCells.get(c)[1],
                            out);
                }
            }
            i = row - 1;
        }
    }

    /** The cells of {@code text[start, end)} that two or more blanks (or a tab) keep apart, each without its blanks. */
    private static List<int[]> paddedCells(String text, int start, int end) {
        List<int[]> cells = new ArrayList<>();
        int at = start;
        while (at < end) {
            while (at < end && RegexText.isBlank(text.charAt(at))) {
                at++;
            }
            if (at >= end) {
                break;
            }
            int cellEnd = at;
            while (cellEnd < end && !(text.charAt(cellEnd) == '\t' || text.startsWith("  ", cellEnd))) {
                cellEnd++;
            }
            int trimmed = cellEnd;
            while (trimmed > at && RegexText.isBlank(text.charAt(trimmed - 1))) {
                trimmed--;
            }
            cells.add(new int[] {at, trimmed});
            at = cellEnd;
        }
        return cells;
    }

    /**
     * Reads the two-cell rows from {@code line} on as field and value ("| Name | Jane Roe |"), until a row of another
     * shape: a two-column table whose first cell names a field and whose second does not.
     */
    private static void keyValueRows(String text, List<int[]> lines, int line, char separator, Candidates out) {
        for (int row = line; row < lines.size(); row++) {
            int[] l = lines.get(row);
            if (isRule(text, l[0], l[1])) {
                continue;
            }
            List<int[]> cells = cells(text, l[0], l[1], separator);
            if (cells.size() != 2) {
                return;
            }
            value(text, text.substring(cells.get(0)[0], cells.get(0)[1]), cells.get(1)[0], cells.get(1)[1], out);
        }
    }

    /** The longest header line read: a few field names and their separators. */
    private static final int MAX_HEADER = 400;

    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int at = 0; at <= text.length(); at++) {
            if (at == text.length() || text.charAt(at) == '\n') {
                int end = at > start && text.charAt(at - 1) == '\r' ? at - 1 : at;
                lines.add(new int[] {start, end});
                start = at + 1;
            }
        }
        return lines;
    }

    /** The cell separators a header line is tried with, in order. */
    private static final char[] SEPARATORS = {'|', '\t', ';', ','};

    /**
     * The cell separator of a header line: {@code |} for markdown, else a tab, a semicolon or a comma; 0 if none, or if
     * a cell is too long to be a field's name (a line of prose with commas).
     */
    private static char separatorOf(String text, int start, int end) {
        for (char separator : SEPARATORS) {
            int first = text.indexOf(separator, start);
            if (first < 0 || first >= end) {
                continue; // none in the line: counted by one indexOf, the common case for all but the comma
            }
            int count = 0;
            int cellStart = start;
            boolean shortCells = true;
            for (int at = start; at <= end && shortCells; at++) {
                if (at == end || text.charAt(at) == separator) {
                    shortCells = at - cellStart <= LONGEST_KEY + 10;
                    count += at < end ? 1 : 0;
                    cellStart = at + 1;
                }
            }
            if (count >= (separator == '|' ? 2 : 1)) {
                return shortCells ? separator : 0;
            }
        }
        return 0;
    }

    /**
     * The cells of a line, each trimmed of blanks and quotes; a markdown row's outer pipes make no cells. A separator
     * inside double quotes belongs to its cell, as in RFC 4180 CSV ({@code "Hoàng, Uyên",04/18/1946}).
     */
    private static List<int[]> cells(String text, int start, int end, char separator) {
        List<int[]> cells = new ArrayList<>();
        int s = start;
        int e = end;
        if (separator == '|') {
            while (s < e && text.charAt(s) == ' ') {
                s++;
            }
            while (e > s && text.charAt(e - 1) == ' ') {
                e--;
            }
            if (s < e && text.charAt(s) == '|') {
                s++;
            }
            if (e > s && text.charAt(e - 1) == '|') {
                e--;
            }
        }
        int cellStart = s;
        boolean quoted = false;
        for (int at = s; at <= e; at++) {
            if (at < e && text.charAt(at) == '"' && separator != '|') {
                quoted = !quoted; // a doubled quote inside a quoted cell toggles twice and changes nothing
            }
            if (at == e || text.charAt(at) == separator && !quoted) {
                int cs = cellStart;
                int ce = at;
                while (cs < ce && (text.charAt(cs) == ' ' || text.charAt(cs) == '"')) {
                    cs++;
                }
                while (ce > cs && (text.charAt(ce - 1) == ' ' || text.charAt(ce - 1) == '"')) {
                    ce--;
                }
                cells.add(new int[] {cs, ce});
                cellStart = at + 1;
            }
        }
        return cells;
    }

    private static boolean isRule(String text, int start, int end) {
        for (int at = start; at < end; at++) {
            if ("|-: ".indexOf(text.charAt(at)) < 0) {
                return false;
            }
        }
        return end > start;
    }
}
