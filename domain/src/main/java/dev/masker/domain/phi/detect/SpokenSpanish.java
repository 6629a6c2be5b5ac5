package dev.masker.domain.phi.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spanish as the view's English rules read it: Spanish is what a US clinic's callers speak most after English, and
 * they say their numbers, dates and e-mail addresses in it ({@code cinco dos cuatro}, {@code el doce de abril de mil
 * novecientos treinta y uno}, {@code maria punto lopez arroba gmail punto com}). Each word is read as the English word
 * the spoken-form rules already know, so every kind's spoken form goes through the one normalization instead of a
 * second rule per kind and language. Words are folded to ASCII and lower case ({@code años} is {@code anos}).
 */
final class SpokenSpanish {
    /** One Spanish word read as one or two English words ({@code veintidos} is {@code twenty two}). */
    private static final Map<String, List<String>> NUMBERS = Map.ofEntries(
            Map.entry("cero", List.of("zero")),
            Map.entry("uno", List.of("one")),
            Map.entry("primero", List.of("one")),
            Map.entry("dos", List.of("two")),
            Map.entry("tres", List.of("three")),
            Map.entry("cuatro", List.of("four")),
            Map.entry("cinco", List.of("five")),
            Map.entry("seis", List.of("six")),
            Map.entry("siete", List.of("seven")),
            Map.entry("ocho", List.of("eight")),
            Map.entry("nueve", List.of("nine")),
            Map.entry("diez", List.of("ten")),
            Map.entry("once", List.of("eleven")),
            Map.entry("doce", List.of("twelve")),
            Map.entry("trece", List.of("thirteen")),
            Map.entry("catorce", List.of("fourteen")),
            Map.entry("quince", List.of("fifteen")),
            Map.entry("dieciseis", List.of("sixteen")),
            Map.entry("diecisiete", List.of("seventeen")),
            Map.entry("dieciocho", List.of("eighteen")),
            Map.entry("diecinueve", List.of("nineteen")),
            Map.entry("veinte", List.of("twenty")),
            Map.entry("veintiuno", List.of("twenty", "one")),
            Map.entry("veintiun", List.of("twenty", "one")),
            Map.entry("veintidos", List.of("twenty", "two")),
            Map.entry("veintitres", List.of("twenty", "three")),
            Map.entry("veinticuatro", List.of("twenty", "four")),
            Map.entry("veinticinco", List.of("twenty", "five")),
            Map.entry("veintiseis", List.of("twenty", "six")),
            Map.entry("veintisiete", List.of("twenty", "seven")),
            Map.entry("veintiocho", List.of("twenty", "eight")),
            Map.entry("veintinueve", List.of("twenty", "nine")),
            Map.entry("treinta", List.of("thirty")),
            Map.entry("cuarenta", List.of("forty")),
            Map.entry("cincuenta", List.of("fifty")),
            Map.entry("sesenta", List.of("sixty")),
            Map.entry("setenta", List.of("seventy")),
            Map.entry("ochenta", List.of("eighty")),
            Map.entry("noventa", List.of("ninety")),
            Map.entry("mil", List.of("thousand")));

    /** Number words that are also English words ("once a day") or abbreviations: read as numbers beside another only. */
    private static final Set<String> NUMBERS_BESIDE_NUMBERS = Set.of("once", "mil", "dos");

    /** Two Spanish words read as one English word: the year's century, the spoken underscore, a cue of two words. */
    private static final Map<String, String> PAIRS = Map.of(
            "mil novecientos",
            "nineteen",
            "mil ochocientos",
            "eighteen",
            "guion bajo",
            "underscore",
            "correo electronico",
            "email",
            "seguro social",
            "social security",
            "codigo postal",
            "zip");

    /** The pairs above that begin a year ("mil novecientos cinco" is 1905: a unit after the century takes a zero). */
    private static final Set<String> CENTURIES = Set.of("mil novecientos", "mil ochocientos");

    /** Symbols said inside an e-mail address or a number. */
    private static final Map<String, String> SYMBOLS =
            Map.of("arroba", "at", "punto", "dot", "guion", "dash", "barra", "slash", "diagonal", "slash");

    private static final Map<String, String> MONTHS = Map.ofEntries(
            Map.entry("enero", "january"),
            Map.entry("febrero", "february"),
            Map.entry("marzo", "march"),
            Map.entry("abril", "april"),
            Map.entry("mayo", "may"),
            Map.entry("junio", "june"),
            Map.entry("julio", "july"),
            Map.entry("agosto", "august"),
            Map.entry("septiembre", "september"),
            Map.entry("setiembre", "september"),
            Map.entry("octubre", "october"),
            Map.entry("noviembre", "november"),
            Map.entry("diciembre", "december"));

    /** The words that say what a value is, written as the English cue the recognizers know. */
    private static final Map<String, String> CUES = Map.ofEntries(
            Map.entry("telefono", "phone"),
            Map.entry("celular", "cell"),
            Map.entry("correo", "email"),
            Map.entry("nacimiento", "birth"),
            Map.entry("naci", "born"),
            Map.entry("nacio", "born"),
            Map.entry("nacida", "born"),
            Map.entry("nacido", "born"),
            Map.entry("cumpleanos", "birthday"),
            Map.entry("anos", "years old"),
            Map.entry("seguro", "insurance"),
            Map.entry("miembro", "member"),
            Map.entry("poliza", "policy"),
            Map.entry("expediente", "chart"),
            Map.entry("cuenta", "account"),
            Map.entry("licencia", "license"),
            Map.entry("tarjeta", "card"),
            Map.entry("placa", "plate"),
            Map.entry("placas", "plate"),
            Map.entry("direccion", "address"),
            Map.entry("numero", "number"));

    /** The Spanish tens, which "y" joins to a unit ("treinta y uno"). */
    private static final Set<String> TENS =
            Set.of("treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa");

    /** The words that stand between a day, its month and its year ("doce de abril de ..."). */
    static final Set<String> DATE_JOINERS = Set.of("de", "del");

    private SpokenSpanish() {}

    /** Every Spanish word the view reads, for the view's table of known words. */
    static List<String> words() {
        List<String> all = new ArrayList<>();
        all.addAll(NUMBERS.keySet());
        for (String pair : PAIRS.keySet()) {
            all.addAll(List.of(pair.split(" ")));
        }
        all.addAll(SYMBOLS.keySet());
        all.addAll(MONTHS.keySet());
        all.addAll(CUES.keySet());
        all.addAll(DATE_JOINERS);
        all.add("y");
        return all;
    }

    /** The English words a Spanish number word is read as, or null. */
    static List<String> number(String word) {
        return NUMBERS.get(word);
    }

    /** Whether the number word is read as a number only beside another number word. */
    static boolean needsNumberBeside(String word) {
        return NUMBERS_BESIDE_NUMBERS.contains(word);
    }

    /** The English word two Spanish words are read as together, or null. */
    static String pair(String first, String second) {
        return PAIRS.get(first + " " + second);
    }

    /** Whether the two words are a year's century ("mil novecientos"). */
    static boolean isCentury(String first, String second) {
        return CENTURIES.contains(first + " " + second);
    }

    /** The English symbol word ("at", "dot") a Spanish one is read as, or null. */
    static String symbol(String word) {
        return SYMBOLS.get(word);
    }

    /** The English month a Spanish one is read as, or null. */
    static String month(String word) {
        return MONTHS.get(word);
    }

    /** The English cue a Spanish word is written as, or null. */
    static String cue(String word) {
        return CUES.get(word);
    }

    /** Whether "y" after this word and before a unit joins them into one number ("treinta y uno" is 31). */
    static boolean isTens(String word) {
        return TENS.contains(word);
    }

    /** Whether the Spanish word is a unit from one to nine. */
    static boolean isUnit(String word) {
        List<String> english = NUMBERS.get(word);
        return english != null && english.size() == 1 && SpokenNumbers.isUnit(english.get(0));
    }
}
