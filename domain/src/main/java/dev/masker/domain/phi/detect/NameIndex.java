package dev.masker.domain.phi.detect;

/**
 * The {@link NameLists} as the name recognizers ask them, about nearly every word of a turn: a word of ASCII letters
 * (almost every word) is looked up in place in an {@link AsciiWordSet}, without the lower-cased copy and the hashing
 * of a new string that asking the lists' sets takes; any other word is asked of the lists themselves. The answers are
 * the lists' own: for ASCII letters, lower-casing is what the word sets' comparison does.
 */
final class NameIndex {
    private final NameLists lists;
    private final AsciiWordSet firstNames;
    private final AsciiWordSet surnames;
    private final AsciiWordSet commonWords;

    NameIndex(NameLists lists) {
        this.lists = lists;
        this.firstNames = new AsciiWordSet(lists.firstNames());
        this.surnames = new AsciiWordSet(lists.surnames());
        this.commonWords = new AsciiWordSet(lists.commonWords());
    }

    /** {@link NameLists#isFirstName}. */
    boolean isFirstName(String word) {
        return isFirstName(word, 0, word.length());
    }

    /** {@link NameLists#isFirstName} of {@code text[start, end)}. */
    boolean isFirstName(String text, int start, int end) {
        return isAsciiLetters(text, start, end)
                ? firstNames.containsLetters(text, start, end)
                : lists.isFirstName(text.substring(start, end));
    }

    /** {@link NameLists#isSurname}. */
    boolean isSurname(String word) {
        return isSurname(word, 0, word.length());
    }

    /** {@link NameLists#isSurname} of {@code text[start, end)}. */
    boolean isSurname(String text, int start, int end) {
        return isAsciiLetters(text, start, end)
                ? surnames.containsLetters(text, start, end)
                : lists.isSurname(text.substring(start, end));
    }

    /** {@link NameLists#isCommonWord}. */
    boolean isCommonWord(String word) {
        return isCommonWord(word, 0, word.length());
    }

    /** {@link NameLists#isCommonWord} of {@code text[start, end)}. */
    boolean isCommonWord(String text, int start, int end) {
        return isAsciiLetters(text, start, end)
                ? commonWords.containsLetters(text, start, end)
                : lists.isCommonWord(text.substring(start, end));
    }

    /** {@link NameLists#isNameOrNameParts}, each part asked of this index. */
    boolean isNameOrNameParts(String word) {
        if (isFirstName(word) || isSurname(word)) {
            return true;
        }
        String[] parts = word.split("[-’']");
        for (String part : parts) {
            if (!isFirstName(part) && !isSurname(part)) {
                return false;
            }
        }
        return parts.length > 1;
    }

    /** Whether {@code text[start, end)} holds ASCII letters only (an empty region does). */
    static boolean isAsciiLetters(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!RegexText.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
