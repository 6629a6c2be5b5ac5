package dev.masker.domain.phi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index answers as the lists it is made from, for words of any case, with diacritics, marks or none. */
class NameIndexTest {
    private static final NameLists LISTS = new NameLists(
            Set.of("jane", "ana", "o'neil", "josé", "x"),
            Set.of("roe", "garcia", "puga", "haro", "o'neil", ""),
            Set.of("will", "the", "joy"));
    private static final List<String> WORDS = List.of(
            "Jane",
            "JANE",
            "jane",
            "Ana",
            "Ána",
            "José",
            "Jose",
            "O'Neil",
            "o’neil",
            "Roe",
            "GARCÍA",
            "García",
            "Puga-Haro",
            "Will",
            "the",
            "Joy",
            "x",
            "X",
            "",
            "İ",
            "\u212Aate",
            "Ω");

    @Test
    void givenWordsOfEveryShape_lookups_answerAsTheLists() {
        NameIndex index = new NameIndex(LISTS);
        for (String word : WORDS) {
            assertEquals(LISTS.isFirstName(word), index.isFirstName(word), word);
            assertEquals(LISTS.isSurname(word), index.isSurname(word), word);
            assertEquals(LISTS.isCommonWord(word), index.isCommonWord(word), word);
            assertEquals(LISTS.isNameOrNameParts(word), index.isNameOrNameParts(word), word);
            String text = "[" + word + "]";
            assertEquals(LISTS.isFirstName(word), index.isFirstName(text, 1, text.length() - 1), word);
            assertEquals(LISTS.isSurname(word), index.isSurname(text, 1, text.length() - 1), word);
        }
    }
}
