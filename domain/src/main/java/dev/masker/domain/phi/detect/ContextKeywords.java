package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.List;
import java.util.Locale;

/**
 * The words before a run of digits or number words that say what the value is ("fax", "member", "last four",
 * "date of birth" by "birth"), or that it is a code of medicine or billing and no identifier ("CPT", "procedure code").
 * Each keyword is a whole word or phrase ({@code \b} on both sides, lower case); of the keywords a left-to-right search
 * finds in the window, without overlaps, the last one decides.
 */
final class ContextKeywords {
    /**
     * A keyword, the kind it gives (null for a code's name), and the length of its first run of letters ("medi" of
     * "medi-cal", "number" of "number to call").
     */
    private record Keyword(PhiKind kind, String phrase, int firstWordLength) {
        static Keyword of(PhiKind kind, String phrase) {
            int end = 0;
            while (end < phrase.length() && RegexText.isLetter(phrase.charAt(end))) {
                end++;
            }
            return new Keyword(kind, phrase, end);
        }
    }

    /** The marker of a code's name among the kinds of {@link #KEYWORDS}. */
    private static final Object CODE = new Object();

    /** In the order they are tried at a position: the first kind that matches there wins, then its first phrase. */
    private static final List<Keyword> KEYWORDS = keywords(
            PhiKind.FAX,
            "faxed",
            "fax",
            PhiKind.PHONE,
            "phone",
            "cell",
            "mobile",
            "telephone",
            "call",
            "text",
            "reach",
            "line",
            "contact",
            "callback",
            "number to call",
            "pager",
            "beeper",
            PhiKind.SSN,
            "social",
            "ssn",
            "ss",
            "security",
            "last four",
            PhiKind.MRN,
            "mrn",
            "medical record",
            "chart",
            "record number",
            "patient id",
            "hospital number",
            "patient number",
            "pt id",
            "mr number",
            PhiKind.HEALTH_PLAN,
            "member",
            "subscriber",
            "policy",
            "insurance",
            "insured",
            "mbr",
            "sub id",
            "enrollee",
            "beneficiary",
            "hicn",
            "cert",
            "certificate",
            "cin",
            "bic",
            "rrb",
            "mbi",
            "medicare",
            "medicaid",
            "medi-cal",
            "plan",
            "group",
            "bcbs",
            "aetna",
            "cigna",
            "humana",
            "anthem",
            "tricare",
            "molina",
            "unitedhealthcare",
            PhiKind.ACCOUNT,
            "account",
            "acct",
            "guarantor",
            PhiKind.CARD,
            "card",
            "pay with",
            "put it on",
            "charge it to",
            PhiKind.VEHICLE,
            "plate",
            "vin",
            "tag",
            PhiKind.LICENSE,
            "npi",
            "national provider identifier",
            "provider identifier",
            "dea",
            "license",
            "licence",
            "state id",
            PhiKind.DEVICE,
            "serial",
            "udi",
            "device",
            "sn",
            "transmitter",
            "imei",
            PhiKind.ZIP,
            "zip",
            "postal",
            "near",
            PhiKind.DOB,
            "birth",
            "born",
            "dob",
            "birthday",
            CODE,
            "cpt",
            "procedure code",
            "diagnosis code",
            "billing code",
            "icd",
            "hcpcs",
            "loinc",
            "ndc");

    /** The keywords by their first letter ('a' to 'z'), in the order above. */
    private static final Keyword[][] BY_FIRST_LETTER = new Keyword[26][];

    static {
        for (char letter = 'a'; letter <= 'z'; letter++) {
            char first = letter;
            BY_FIRST_LETTER[letter - 'a'] =
                    KEYWORDS.stream().filter(k -> k.phrase().charAt(0) == first).toArray(Keyword[]::new);
        }
    }

    private ContextKeywords() {}

    /** What the last keyword of a window says. */
    enum Cue {
        /** No keyword: the value's format decides. */
        NONE,
        /** A keyword of a kind ({@link #lastKind} gives it). */
        KIND,
        /** The name of a code system or a code ("CPT 71046", "procedure code 81002"): no identifier follows. */
        CODE
    }

    private static List<Keyword> keywords(Object... kindsAndPhrases) {
        List<Keyword> all = new java.util.ArrayList<>();
        PhiKind kind = null;
        for (Object item : kindsAndPhrases) {
            if (item instanceof PhiKind next) {
                kind = next;
            } else if (item == CODE) {
                kind = null;
            } else {
                all.add(Keyword.of(kind, (String) item));
            }
        }
        return List.copyOf(all);
    }

    /**
     * The kind of the last keyword in {@code text[from, to)}, lower-cased, as successive searches find them; null if
     * there is none. An ASCII window is read in place; any other is lower-cased first, as the rule is about the
     * lower-case text (a Kelvin sign lower-cases to "k").
     */
    static PhiKind lastKind(String text, int from, int to) {
        Keyword last = last(text, from, to);
        return last == null ? null : last.kind();
    }

    /** What the last keyword in {@code text[from, to)} says, as {@link #lastKind} finds it. */
    static Cue lastCue(String text, int from, int to) {
        Keyword last = last(text, from, to);
        return last == null ? Cue.NONE : last.kind() == null ? Cue.CODE : Cue.KIND;
    }

    private static Keyword last(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 128) {
                String lower = text.substring(from, to).toLowerCase(Locale.ROOT);
                return lastAscii(lower, 0, lower.length());
            }
        }
        return lastAscii(text, from, to);
    }

    private static Keyword lastAscii(String text, int from, int to) {
        Keyword last = null;
        for (int at = from; at < to; at++) {
            char c = text.charAt(at);
            if (!RegexText.isLetter(c)) {
                continue;
            }
            char before = at > from ? text.charAt(at - 1) : ' ';
            if (RegexText.isWordChar(before) || before >= 128 && !RegexText.isBoundary(text, at, from, to)) {
                continue; // no keyword starts inside a word; only a character from U+0080 on needs the whole rule
            }
            int letters = at + 1;
            while (letters < to && RegexText.isLetter(text.charAt(letters))) {
                letters++;
            }
            int next = letters - 1; // no keyword starts inside these letters
            for (Keyword keyword : BY_FIRST_LETTER[(c | 0x20) - 'a']) {
                // A keyword's first word is followed by \b or by its space or hyphen: it is this whole run of letters.
                int end = at + keyword.phrase().length();
                if (keyword.firstWordLength() == letters - at
                        && end <= to
                        && RegexText.regionMatchesIgnoringCase(text, at, keyword.phrase())
                        && RegexText.isBoundary(text, end, from, to)) {
                    last = keyword;
                    next = end - 1; // the next search starts where this match ends
                    break;
                }
            }
            at = next;
        }
        return last;
    }
}
