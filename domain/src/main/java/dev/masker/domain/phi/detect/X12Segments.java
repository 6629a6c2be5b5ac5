package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The elements of ASC X12 segments (eligibility 270/271, claims 837) that carry a person's identifiers: names and IDs in
 * {@code NM1}, the street in {@code N3}, city and ZIP in {@code N4}, the birth date in {@code DMG}, phone, fax and e-mail
 * in {@code PER}, and the SSN in {@code REF*SY}. Segments end with {@code ~} (or a line break), elements are separated by
 * {@code *}.
 */
final class X12Segments {
    private X12Segments() {}

    private static final int PRIORITY = 62;

    /** Finds the identifying elements of the X12 segments in the text. */
    static void fields(String text, Candidates out) {
        if (text.indexOf('*') < 0
                || text.indexOf("NM1*") < 0
                        && text.indexOf("N3*") < 0
                        && text.indexOf("DMG*") < 0
                        && text.indexOf("DTP*") < 0) {
            return;
        }
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length()
                    && text.charAt(end) != '~'
                    && text.charAt(end) != '\n'
                    && text.charAt(end) != '\r') {
                end++;
            }
            segment(text, skipBlanks(text, start, end), end, out);
            start = end + 1;
        }
    }

    private static int skipBlanks(String text, int start, int end) {
        int at = start;
        while (at < end && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The elements of the segment {@code text[start, end)}: element 0 is the segment id. */
    private static List<int[]> elements(String text, int start, int end) {
        List<int[]> elements = new ArrayList<>();
        int elementStart = start;
        for (int at = start; at <= end; at++) {
            if (at == end || text.charAt(at) == '*') {
                elements.add(new int[] {elementStart, at});
                elementStart = at + 1;
            }
        }
        return elements;
    }

    private static void segment(String text, int start, int end, Candidates out) {
        int star = text.indexOf('*', start);
        if (star < 0 || star >= end || star - start > 3) {
            return;
        }
        String id = text.substring(start, star);
        List<int[]> e = elements(text, start, end);
        switch (id) {
            case "NM1" -> {
                // NM1*IL*1*LAST*FIRST*MIDDLE*PREFIX*SUFFIX*MI*ID: a person (entity type 1) has a name; element 9 an ID.
                if (e.size() > 4 && "1".equals(value(text, e, 2))) {
                    int last = e.size() > 5 && nonEmpty(e.get(5)) ? 5 : e.size() > 4 && nonEmpty(e.get(4)) ? 4 : 3;
                    add(out, e.get(3)[0], e.get(last)[1], PhiKind.NAME, "X12 NM1-03..05");
                }
                // An organisation's ID (a payer's, a clinic's) identifies no person; its NPI (XX) is still masked,
                // as every NPI is (a provider's NPI next to the patient tells where they were treated).
                String qualifier = value(text, e, 8);
                if (e.size() > 9 && nonEmpty(e.get(9)) && ("1".equals(value(text, e, 2)) || "XX".equals(qualifier))) {
                    PhiKind kind = switch (qualifier) {
                        case "MI", "II", "ZZ" -> PhiKind.HEALTH_PLAN;
                        case "34" -> PhiKind.SSN;
                        case "XX" -> PhiKind.LICENSE;
                        default -> PhiKind.MRN;
                    };
                    add(out, e.get(9)[0], e.get(9)[1], kind, "X12 NM1-09");
                }
            }
            case "N3" -> {
                for (int i = 1; i < Math.min(3, e.size()); i++) {
                    add(out, e.get(i)[0], e.get(i)[1], PhiKind.ADDRESS, "X12 N3");
                }
            }
            case "N4" -> {
                if (e.size() > 1) {
                    add(out, e.get(1)[0], e.get(1)[1], PhiKind.CITY, "X12 N4-01");
                }
                if (e.size() > 3) {
                    add(out, e.get(3)[0], e.get(3)[1], PhiKind.ZIP, "X12 N4-03");
                }
            }
            case "DMG" -> {
                if (e.size() > 2) {
                    add(out, e.get(2)[0], e.get(2)[1], PhiKind.DOB, "X12 DMG-02");
                }
            }
            case "PER" -> {
                // PER*IC*NAME*TE*number*FX*number*EM*address
                if (e.size() > 2) {
                    add(out, e.get(2)[0], e.get(2)[1], PhiKind.NAME, "X12 PER-02");
                }
                for (int i = 3; i + 1 < e.size(); i += 2) {
                    PhiKind kind = switch (value(text, e, i)) {
                        case "TE", "CP", "HP", "WP" -> PhiKind.PHONE;
                        case "FX" -> PhiKind.FAX;
                        case "EM" -> PhiKind.EMAIL;
                        default -> null;
                    };
                    if (kind != null) {
                        add(out, e.get(i + 1)[0], e.get(i + 1)[1], kind, "X12 PER");
                    }
                }
            }
            case "DTP" -> {
                // DTP*472*D8*20240115 (a service date), RD8 a range: the dates of a person's care.
                if (e.size() > 3 && value(text, e, 2).endsWith("D8")) {
                    add(out, e.get(3)[0], e.get(3)[1], PhiKind.DATE, "X12 DTP-03");
                }
            }
            case "REF" -> {
                if (e.size() > 2 && "SY".equals(value(text, e, 1))) {
                    add(out, e.get(2)[0], e.get(2)[1], PhiKind.SSN, "X12 REF*SY");
                }
            }
            default -> {
                // no identifiers in other segments
            }
        }
    }

    private static String value(String text, List<int[]> elements, int index) {
        return index < elements.size()
                ? text.substring(elements.get(index)[0], elements.get(index)[1]).strip()
                : "";
    }

    private static boolean nonEmpty(int[] element) {
        return element[1] > element[0];
    }

    private static void add(Candidates out, int start, int end, PhiKind kind, String evidence) {
        out.add(start, end, kind, PRIORITY, evidence);
    }
}
