package dev.masker.domain.phi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalizedTextTest {

    /** The view of a one-line text, without the line break that ends each stretch of the view. */
    private static String view(String text) {
        NormalizedText view = NormalizedText.of(text);
        return view.changed() ? view.text().substring(0, view.text().length() - 1) : text;
    }

    /** The original stretch that the first occurrence of {@code written} in the view was written from. */
    private static String origin(String text, String written) {
        NormalizedText view = NormalizedText.of(text);
        int start = view.text().indexOf(written);
        assertTrue(start >= 0, () -> "'" + written + "' not in the view '" + view.text() + "'");
        return text.substring(view.originalStart(start), view.originalEnd(start + written.length()));
    }

    @Test
    void givenPlainWrittenText_of_changesNothing() {
        assertFalse(NormalizedText.of("Call me at 415-555-0132 on March 5.").changed());
        assertFalse(NormalizedText.of("Phone | 415-555-0132 | cell").changed(), "punctuation that glues nothing stays");
    }

    @Test
    void givenALongText_of_holdsOnlyTheChangedStretchesWithTheirContext() {
        String filler = "The patient reports no new symptoms today. ".repeat(10);
        String text = filler + "Her social is six twenty-one, ninety-two, forty-four twenty-nine. " + filler;
        NormalizedText view = NormalizedText.of(text);
        assertTrue(view.text().contains("Her social is 621, 92, 4429."), view.text());
        assertTrue(view.text().length() < 250, () -> "view of " + view.text().length() + " chars");
        assertTrue(view.text().endsWith("\n"));
    }

    @Test
    void givenStructuredValues_of_ungluesThemFromTheirKeysWithoutMovingThem() {
        assertEquals("  phone   415-555-0132  ", view("{\"phone\":\"415-555-0132\"}"));
        assertEquals("phone 415-555-0132 x 1", view("phone=415-555-0132&x=1"));
        assertEquals("PID 1  SMITH JOHN Q  19870503", view("PID|1||SMITH^JOHN^Q||19870503"));
        assertEquals("member id: W123", view("member_id: W123"));
        assertEquals("Smith John 1,000", view("Smith,John 1,000"));
        assertEquals("jane_doe@x.com", view("jane_doe@x.com"), "an underscore in an address stays");
    }

    @Test
    void givenAccentedLetters_of_readsTheirBaseLetters() {
        assertEquals(
                "Kamila Cervinkova, Nguyen Thi, Lodz, Sorensen", view("Kamila Červinková, Nguyễn Thị, Łódź, Sørensen"));
    }

    @Test
    void givenSpokenNumbers_of_writesTheirDigitsGroupByGroup() {
        assertEquals(
                "my social is 621, 92, 4429", view("my social is six twenty-one, ninety-two, forty-four twenty-nine"));
        assertEquals("call 415555", view("call four fifteen five five five"));
        assertEquals("it is 55021", view("it is double five oh two one"));
        assertEquals("in 2005", view("in two thousand five"));
        assertEquals("born 120 years", view("born one hundred twenty years"));
    }

    @Test
    void givenSpanishNumbersDatesAndSymbols_of_writesThemAsTheEnglishRulesReadThem() {
        assertEquals(
                "mi social security es 524, 71, 3308",
                view("mi seguro social es cinco dos cuatro, siete uno, tres tres cero ocho"));
        assertEquals("tiene 92 years old", view("tiene noventa y dos años"));
        assertEquals("el 12 April 1931", view("el doce de abril de mil novecientos treinta y uno"));
        assertEquals("el 1 May 1905", view("el primero de mayo de mil novecientos cinco"));
        assertEquals("born el 12 April 1931", view("nació el 12 de abril de 1931"));
        assertEquals("in March 2023", view("in marzo de 2023"));
        assertEquals("maria.lopez@gmail.com", view("maria punto lopez arroba gmail punto com"));
        assertEquals("2024", view("dos mil veinticuatro"));
        assertEquals("take it once a day", view("take it once a day"), "\"once\" is a number beside another only");
    }

    @Test
    void givenDigitHomophonesInsideALongSpokenNumber_of_readsThemAsDigits() {
        assertEquals("call me at 802, 144, 6789", view("call me at ate oh too, won for for, six seven ate nine"));
        assertEquals("faxed to 2144958278", view("faxed to two one four four nine five eight two seven eight"));
        assertEquals("open 815 to 630", view("open eight fifteen to six thirty"), "a time range keeps its \"to\"");
    }

    @Test
    void givenFullStopsBetweenGroupsOfASpokenNumber_of_readsOneNumber() {
        assertEquals(
                "my number is 9394674136", view("my number is nine three nine. four six seven. four one three. six"));
        assertEquals("I have two. Three are gone", view("I have two. Three are gone"), "a sentence's end stays");
    }

    @Test
    void givenALoneNumberWord_of_leavesItAWord() {
        assertEquals("I have two kids and oh well", view("I have two kids and oh well"));
    }

    @Test
    void givenSpokenSymbolsBetweenNumbers_of_writesTheSymbols() {
        assertEquals("born 12/13/87", view("born twelve slash thirteen slash eighty seven"));
        assertEquals(
                "from 174.165.44.132",
                view("from one seventy four point one sixty five point forty four point one thirty two"));
        assertEquals("zip 94110-2345", view("zip nine four one one oh dash two three four five"));
    }

    @Test
    void givenASpokenDateAfterAMonth_of_keepsTheDayAndTheYearApart() {
        assertEquals("july 16 1969", view("july sixteen nineteen sixty nine"));
    }

    @Test
    void givenSpokenEmailAddresses_of_writesThemAsAddresses() {
        assertEquals("use c.corona@icloud.com", view("use c period corona at sign i cloud period com"));
        assertEquals("to alex-tremblay@att.net", view("to alex hyphen tremblay at a t t dot net"));
        assertEquals("to jane_doe55@gmail.com", view("to jane underscore doe fifty five at gmail dot com"));
    }

    @Test
    void givenAtThatIsNoAddress_of_leavesIt() {
        assertEquals("meet me at lakeview dot com", view("meet me at lakeview dot com"));
        assertEquals("my profile at facebook dot com slash jane", view("my profile at facebook dot com slash jane"));
    }

    @Test
    void givenAWrittenPiece_originalOffsets_coverEveryWordItWasWrittenFrom() {
        String text = "birthdate twelve slash thirteen slash eighty seven, thanks";
        assertEquals("twelve slash thirteen slash eighty seven", origin(text, "12/13/87"));
        assertEquals("twelve slash thirteen slash eighty seven", origin(text, "/13/8"), "a piece maps back whole");
        assertEquals(", thanks", origin(text, ", thanks"));
        String email = "it is c period corona at ymail dot com ok";
        assertEquals("c period corona at ymail dot com", origin(email, "c.corona@ymail.com"));
    }
}
