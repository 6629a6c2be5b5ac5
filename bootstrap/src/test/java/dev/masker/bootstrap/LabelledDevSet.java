package dev.masker.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The labelled dev set (a copy of {@code shared/fixtures/phi-dev.jsonl}), the detector's pinned misses on it, and the rule
 * by which a labelled value counts as having survived masking — shared by the tests that push it through the server.
 *
 * <p>The survival rule: a gold value is {@code text.substring(start, end)} of a labelled span. A value of 4 or more
 * characters survives when the masked text contains it anywhere (case-sensitive). A shorter value ("Al", "Ng", "Eve")
 * also occurs as an ordinary word or inside one, so it survives only when the masked text has it as a whole word
 * <em>more often</em> than the original has it as a whole word outside every gold span.
 */
final class LabelledDevSet {
    /** Values this long or longer survive wherever they occur; shorter ones only as extra whole words. */
    static final int SHORT = 4;
    /**
     * The values the detector misses entirely today (record index, value length; see docs/PHI-DETECTION.md, "Masking
     * safety"): an address with "Unit" and its ZIP, a hyphenated city, a spoken ZIP after it, a lower-case name and a
     * spoken DOB in run-on raw speech, a city that is also a state name ("New York, GA") in a system prompt. A ratchet:
     * any new survivor fails, and a fixed one must be struck from this list.
     */
    static final List<String> KNOWN_MISSES = List.of(
            "record 21 16 chars",
            "record 21 5 chars",
            "record 543 24 chars",
            "record 731 24 chars",
            "record 1082 8 chars");

    private static final Path DEV_SET = Path.of("src/test/resources/phi/phi-dev.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record: its role, its text and its labelled spans as {@code {start, end}}. */
    record Gold(String role, String text, List<int[]> spans) {
        /** The labelled values, in span order. */
        List<String> values() {
            return spans.stream().map(span -> text.substring(span[0], span[1])).toList();
        }

        /** The pinned-miss name of each labelled value of record {@code index} that survives in {@code masked}. */
        List<String> survivors(int index, String masked) {
            return values().stream()
                    .filter(value -> survives(value, masked))
                    .map(value -> "record " + index + " " + value.length() + " chars")
                    .toList();
        }

        private boolean survives(String value, String masked) {
            if (value.length() >= SHORT) {
                return masked.contains(value);
            }
            Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])");
            long inMasked = word.matcher(masked).results().count();
            long ordinary = word.matcher(text)
                    .results()
                    .filter(m -> spans.stream().noneMatch(s -> s[0] < m.end() && m.start() < s[1]))
                    .count();
            return inMasked > ordinary;
        }
    }

    private LabelledDevSet() {}

    /**
     * The values found in the text: a value of digits only where it stands as a word of its own, any other value
     * wherever it stands. Random ids, hashes and counts (ULIDs, hex digests, durations) hold digit runs such as a ZIP or
     * a last-four by chance inside longer words; a name or an address glued to other text is still a leak.
     */
    static List<String> foundIn(List<String> values, String text) {
        return values.stream()
                .filter(text::contains)
                .filter(value -> !value.chars().allMatch(Character::isDigit)
                        || Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])")
                                .matcher(text)
                                .find())
                .toList();
    }

    static List<Gold> records() throws IOException {
        return records(DEV_SET);
    }

    /** The records of a labelled set in the dev set's format. */
    static List<Gold> records(Path set) throws IOException {
        List<Gold> records = new ArrayList<>();
        for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            List<int[]> spans = new ArrayList<>();
            node.path("spans")
                    .forEach(s -> spans.add(
                            new int[] {s.path("start").asInt(), s.path("end").asInt()}));
            records.add(new Gold(node.path("role").asText(), node.path("text").asText(), spans));
        }
        return records;
    }
}
