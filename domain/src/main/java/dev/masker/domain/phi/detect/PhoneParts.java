package dev.masker.domain.phi.detect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts said or written around a phone number's digits: its extension after it, a spoken "plus" before it. */
final class PhoneParts {
    private PhoneParts() {}

    /** An extension: "ext 26", "ext. 13", "x503", "extension 691", "#12" (the view has turned spoken digits to digits). */
    private static final Pattern EXTENSION = Pattern.compile("(?i)^,? ?(?:ext\\.?|extension|x|#) ?\\d{1,6}\\b");
    /** A country code's plus said aloud just before the number ("plus one 971 ..."), or written apart from it. */
    private static final Pattern PLUS_BEFORE = Pattern.compile("(?i)(?:\\bplus|\\+) ?$");

    private static final int LONGEST_EXTENSION = 20;

    /** Where a phone number ending at {@code end} ends with its extension; {@code end} when none follows. */
    static int extensionEnd(String text, int end) {
        if (end >= text.length() || " ,xXe#".indexOf(text.charAt(end)) < 0) {
            return end;
        }
        Matcher extension = EXTENSION.matcher(text.substring(end, Math.min(text.length(), end + LONGEST_EXTENSION)));
        return extension.lookingAt() ? end + extension.end() : end;
    }

    /** Where a phone number starting at {@code start} starts with the plus said or written before it. */
    static int countryCodeStart(String text, int start) {
        if (start == 0) {
            return start;
        }
        Matcher plus = PLUS_BEFORE.matcher(text.substring(Math.max(0, start - 5), start));
        return plus.find() ? start - (plus.end() - plus.start()) : start;
    }

    /** Whether a value token is an extension written glued to its x ("x503"), which ends the number before it. */
    static boolean isGluedExtension(String lower) {
        if (lower.length() < 2 || lower.length() > 7 || lower.charAt(0) != 'x') {
            return false;
        }
        for (int i = 1; i < lower.length(); i++) {
            if (!TextScan.isDigit(lower.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
