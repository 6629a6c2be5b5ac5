package dev.masker.domain.phi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.masker.domain.phi.PhiKind;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The keyword scan is what successive searches of the lower-cased window with this regex find: the last match decides. */
class ContextKeywordsTest {
    private static final Pattern RULE = Pattern.compile("(?<fax>\\bfax(?:ed)?\\b)"
            + "|(?<phone>\\b(?:phone|cell|mobile|telephone|call|text|reach|line|contact|callback|number to call|pager"
            + "|beeper)\\b)"
            + "|(?<ssn>\\b(?:social|ssn|ss|security|last four)\\b)"
            + "|(?<mrn>\\b(?:mrn|medical record|chart|record number|patient id|hospital number|patient number|pt id"
            + "|mr number)\\b)"
            + "|(?<plan>\\b(?:member|subscriber|policy|insurance|insured|mbr|sub id|enrollee|beneficiary|hicn|cert|certificate"
            + "|cin|bic|rrb|mbi|medicare|medicaid|medi-cal|plan|group|bcbs|aetna|cigna"
            + "|humana|anthem|tricare|molina|unitedhealthcare)\\b)"
            + "|(?<account>\\b(?:account|acct|guarantor)\\b)|(?<card>\\b(?:card|pay with|put it on|charge it to)\\b)"
            + "|(?<vehicle>\\b(?:plate|vin|tag)\\b)"
            + "|(?<license>\\b(?:npi|national provider identifier|provider identifier|dea|license|licence|state id)\\b)"
            + "|(?<device>\\b(?:serial|udi|device|sn|transmitter|imei)\\b)|(?<zip>\\b(?:zip|postal|near)\\b)"
            + "|(?<dob>\\b(?:birth|born|dob|birthday)\\b)"
            + "|(?<code>\\b(?:cpt|procedure code|diagnosis code|billing code|icd|hcpcs|loinc|ndc)\\b)");
    private static final String[] GROUPS = {
        "fax", "phone", "ssn", "mrn", "plan", "account", "card", "vehicle", "license", "device", "zip", "dob", "code"
    };
    private static final PhiKind[] KINDS = {
        PhiKind.FAX,
        PhiKind.PHONE,
        PhiKind.SSN,
        PhiKind.MRN,
        PhiKind.HEALTH_PLAN,
        PhiKind.ACCOUNT,
        PhiKind.CARD,
        PhiKind.VEHICLE,
        PhiKind.LICENSE,
        PhiKind.DEVICE,
        PhiKind.ZIP,
        PhiKind.DOB,
        null
    };

    private static PhiKind byRule(String window) {
        Matcher m = RULE.matcher(window.toLowerCase(Locale.ROOT));
        PhiKind kind = null;
        while (m.find()) {
            for (int g = 0; g < GROUPS.length; g++) {
                if (m.group(GROUPS[g]) != null) {
                    kind = KINDS[g];
                    break;
                }
            }
        }
        return kind;
    }

    @Test
    void givenSeveralKeywords_lastKind_isTheLastOnesKind() {
        assertEquals(PhiKind.FAX, ContextKeywords.lastKind("call or fax us at", 0, 17));
        assertEquals(PhiKind.PHONE, ContextKeywords.lastKind("the MEDICAL RECORD, or CALL at", 0, 30));
        assertEquals(PhiKind.MRN, ContextKeywords.lastKind("medical record number", 0, 21));
        assertEquals(PhiKind.HEALTH_PLAN, ContextKeywords.lastKind("my Medi-Cal id", 0, 14));
        assertNull(ContextKeywords.lastKind("recall the faxes", 0, 16));
        assertNull(ContextKeywords.lastKind("xcard", 1, 5 - 1)); // "car" is no keyword
        assertEquals(PhiKind.CARD, ContextKeywords.lastKind("xcard", 1, 5)); // the window starts a word
        assertEquals(PhiKind.PHONE, ContextKeywords.lastKind("callbac\u212A", 0, 8)); // a Kelvin sign lower-cases to k
    }

    @Test
    void givenSeededRandomWindows_lastKind_agreesWithTheRegex() {
        List<String> pieces = List.of(
                "fax",
                "faxed",
                "ed",
                "call",
                "back",
                "callback",
                "number",
                " to ",
                "medical",
                "record",
                "patient",
                " id",
                "last",
                " four",
                "medi",
                "-cal",
                "Medi-Cal",
                "state",
                "card",
                "birth",
                "day",
                "PHONE",
                " ",
                "  ",
                ",",
                ".",
                "_",
                "7",
                "x",
                "é",
                "\u212A",
                "İ",
                "ſ",
                "\u017Fsn",
                "s",
                "sn",
                "number to call",
                "hospital number",
                "Zip",
                "dob",
                "d.o.b",
                "-",
                "pager",
                "ss",
                "cpt",
                "code",
                "procedure",
                "pay",
                " with",
                "near",
                "mr",
                "guarantor",
                "\u0301",
                "\u0307",
                "e\u0301",
                "\uD835\uDC00",
                "\uD834\uDD67",
                "\uD835",
                "\uDC00");
        for (RandomWindows.Window window : RandomWindows.of("ab", pieces, 8, 200_000)) {
            String text = window.text();
            int from = window.from();
            int to = window.to();
            String shown = window.shown();
            assertEquals(byRule(shown), ContextKeywords.lastKind(text, from, to), () -> "[" + shown + "]");
        }
    }
}
