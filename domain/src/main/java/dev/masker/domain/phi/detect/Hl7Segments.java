package dev.masker.domain.phi.detect;

import dev.masker.domain.phi.PhiKind;
import java.util.Map;

/**
 * The fields of HL7 v2 segments that carry a person's identifiers, by segment and field number (HL7 v2.5): the patient
 * (PID), next of kin (NK1), guarantor (GT1), insured (IN1) and the visit's providers (PV1). A field's value is taken
 * whole, its {@code ^} components included ({@code ROE^JANE^A} is one name); an identifier field (PID-3) keeps its first
 * component only, the identifier without its assigning authority.
 */
final class Hl7Segments {
    private Hl7Segments() {}

    private static final int PRIORITY = 62;

    /** Segment id, then field number to kind. */
    private static final Map<String, Map<Integer, PhiKind>> FIELDS = Map.of(
            "PID",
                    Map.of(
                            2,
                            PhiKind.MRN,
                            3,
                            PhiKind.MRN,
                            4,
                            PhiKind.MRN,
                            5,
                            PhiKind.NAME,
                            6,
                            PhiKind.NAME,
                            7,
                            PhiKind.DOB,
                            11,
                            PhiKind.ADDRESS,
                            13,
                            PhiKind.PHONE,
                            14,
                            PhiKind.PHONE,
                            18,
                            PhiKind.ACCOUNT),
            "NK1", Map.of(2, PhiKind.NAME, 4, PhiKind.ADDRESS, 5, PhiKind.PHONE, 6, PhiKind.PHONE),
            "GT1",
                    Map.of(
                            2,
                            PhiKind.ACCOUNT,
                            3,
                            PhiKind.NAME,
                            5,
                            PhiKind.ADDRESS,
                            6,
                            PhiKind.PHONE,
                            7,
                            PhiKind.PHONE,
                            8,
                            PhiKind.DOB,
                            12,
                            PhiKind.SSN),
            "IN1",
                    Map.of(
                            16,
                            PhiKind.NAME,
                            18,
                            PhiKind.DOB,
                            19,
                            PhiKind.ADDRESS,
                            36,
                            PhiKind.HEALTH_PLAN,
                            49,
                            PhiKind.HEALTH_PLAN),
            "PV1", Map.of(7, PhiKind.NAME, 8, PhiKind.NAME, 9, PhiKind.NAME, 17, PhiKind.NAME, 19, PhiKind.ACCOUNT));
    /** PID-19 and PID-20 lie past Map.of's ten pairs. */
    private static final Map<Integer, PhiKind> MORE_PID = Map.of(19, PhiKind.SSN, 20, PhiKind.LICENSE);

    /** Finds the identifying fields of the HL7 segments in the text, one segment a line. */
    static void fields(String text, Candidates out) {
        if (text.indexOf('|') < 0) {
            return;
        }
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = lineStart;
            while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            if (lineEnd - lineStart > 4 && text.charAt(lineStart + 3) == '|') {
                segment(text, lineStart, lineEnd, out);
            }
            lineStart = lineEnd + 1;
        }
    }

    private static void segment(String text, int start, int end, Candidates out) {
        String id = text.substring(start, start + 3);
        Map<Integer, PhiKind> fields = FIELDS.get(id);
        if (fields == null) {
            return;
        }
        int field = 0;
        int fieldStart = start + 4;
        for (int at = start + 4; at <= end; at++) {
            if (at == end || text.charAt(at) == '|') {
                field++;
                PhiKind kind = fields.get(field);
                if (kind == null && id.equals("PID")) {
                    kind = MORE_PID.get(field);
                }
                if (kind != null && at > fieldStart) {
                    add(text, fieldStart, at, kind, id + "-" + field, out);
                }
                fieldStart = at + 1;
            }
        }
    }

    private static void add(String text, int start, int end, PhiKind kind, String field, Candidates out) {
        int valueEnd = end;
        if (kind == PhiKind.MRN
                || kind == PhiKind.ACCOUNT
                || kind == PhiKind.HEALTH_PLAN
                || kind == PhiKind.SSN
                || kind == PhiKind.LICENSE) {
            int caret = text.indexOf('^', start);
            valueEnd = caret >= 0 && caret < end ? caret : end; // the identifier, not its authority or type
        } else if (kind == PhiKind.NAME) {
            // A provider field starts with the provider's id, most often the NPI ("1234567893^WANG^LI"): each is taken.
            int caret = text.indexOf('^', start);
            if (caret > start && caret < end && TextScan.isDigit(text.charAt(start))) {
                out.add(start, caret, PhiKind.LICENSE, PRIORITY, "HL7 field " + field);
                start = caret + 1;
            }
            while (valueEnd > start && text.charAt(valueEnd - 1) == '^') {
                valueEnd--;
            }
            // Trailing components that are not name parts (degree, type codes) stay inside: masking them is harmless.
        } else {
            while (valueEnd > start && text.charAt(valueEnd - 1) == '^') {
                valueEnd--;
            }
        }
        // Repetitions (~) and empty components stay inside the span; only a value with a letter or digit is taken.
        for (int i = start; i < valueEnd; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                out.add(start, valueEnd, kind, PRIORITY, "HL7 field " + field);
                return;
            }
        }
    }
}
