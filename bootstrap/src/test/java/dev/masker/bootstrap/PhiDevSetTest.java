package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the five labeled sets through {@code masker phi detect} and guards the measured quality: the leak rate (gold
 * PHI characters no span covers, as {@code phi-score.py} computes it) and the lenient precision must not get worse, and
 * nothing logged during the run may contain a labeled PHI value. The sets (rules in {@code PHI-DEV.md} beside them):
 * copies of {@code shared/fixtures/phi-dev.jsonl} and {@code phi-dev2.jsonl}, our own two adversarial sets and a
 * held-out set written blind and never tuned on (all three {@code tools/adversarial/}). The limits sit just above what
 * docs/PHI-DETECTION.md reports.
 */
class PhiDevSetTest {
    private static final Path SETS = Path.of("src/test/resources/phi");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Set<String>> GROUPS =
            List.of(Set.of("DOB", "DATE"), Set.of("PHONE", "FAX"), Set.of("ADDRESS", "CITY", "ZIP"));

    private record Span(int start, int end, String kind) {}

    @ParameterizedTest(name = "{0}: leak <= {1}, lenient precision >= {2}")
    @CsvSource({
        // measured 0.0018 (77/41785 chars), precision 1.000
        "phi-dev.jsonl, 0.003, 0.99",
        // measured 0.0049 (218/44217 chars), precision 0.996
        "phi-dev2.jsonl, 0.006, 0.99",
        // measured 0.0046 (132/28795 chars), precision 0.965; tuned on since issue 10's second session
        "phi-adversarial.jsonl, 0.007, 0.95",
        // written blind by tools/adversarial/generate_adv2.py: 0.102 / 0.846 when first measured, tuned on since:
        // 0.039 (1181/30591 chars), precision 0.895
        "phi-adversarial2.jsonl, 0.045, 0.89",
        // written blind by tools/adversarial/generate_heldout.py, measured and never tuned on: 0.032 (1110/34562
        // chars), precision 0.905 (0.072 / 0.889 before Spanish was read, a language its family list names)
        "phi-heldout.jsonl, 0.037, 0.89"
    })
    void givenALabelledSet_phiDetect_leaksNoMoreThanMeasuredAndLogsNoPhi(
            String set, double maxLeakRate, double minLenientPrecision) throws IOException {
        List<String> input = Files.readAllLines(SETS.resolve(set), StandardCharsets.UTF_8);
        List<String> logs = new CopyOnWriteArrayList<>();
        PhiDetectCliTest.Run run =
                LogCapture.during(logs, () -> PhiDetectCliTest.detect(String.join("\n", input) + "\n"));
        assertEquals(0, run.exitCode(), run.err());
        String[] output = run.out().strip().split("\n");
        assertEquals(input.size(), output.length);

        long phiChars = 0;
        long leaked = 0;
        long predicted = 0;
        long correct = 0;
        List<String> values = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            JsonNode gold = JSON.readTree(input.get(i));
            JsonNode pred = JSON.readTree(output[i]);
            assertEquals(gold.path("id").asText(), pred.path("id").asText());
            String text = gold.path("text").asText();
            List<Span> goldSpans = spans(gold);
            List<Span> predSpans = spans(pred);
            boolean[] covered = new boolean[text.length()];
            predSpans.forEach(p -> Arrays.fill(covered, p.start(), p.end(), true));
            boolean[] phi = new boolean[text.length()];
            for (Span g : goldSpans) {
                Arrays.fill(phi, g.start(), g.end(), true);
                values.add(text.substring(g.start(), g.end()));
            }
            for (int c = 0; c < text.length(); c++) {
                phiChars += phi[c] ? 1 : 0;
                leaked += phi[c] && !covered[c] ? 1 : 0;
            }
            for (Span p : predSpans) {
                predicted++;
                correct += goldSpans.stream()
                                .anyMatch(g -> g.start() < p.end()
                                        && p.start() < g.end()
                                        && group(g.kind()).equals(group(p.kind())))
                        ? 1
                        : 0;
            }
        }
        double leakRate = (double) leaked / phiChars;
        double precision = (double) correct / predicted;
        assertTrue(leakRate <= maxLeakRate, "leak rate " + leakRate);
        assertTrue(precision >= minLenientPrecision, "lenient precision " + precision);

        // The detector logs a line per turn at DEBUG: the capture is not vacuous, and no line names a value.
        assertTrue(logs.size() >= input.size(), "captured " + logs.size() + " log lines");
        for (String value : values) {
            if (value.length() >= 4) {
                assertFalse(logs.stream().anyMatch(line -> line.contains(value)), "a log line contains a PHI value");
            }
        }
    }

    private static Set<String> group(String kind) {
        return GROUPS.stream().filter(g -> g.contains(kind)).findFirst().orElse(Set.of(kind));
    }

    private static List<Span> spans(JsonNode record) {
        List<Span> spans = new ArrayList<>();
        for (JsonNode s : record.path("spans")) {
            spans.add(new Span(
                    s.path("start").asInt(),
                    s.path("end").asInt(),
                    s.path("kind").asText()));
        }
        return spans;
    }
}
