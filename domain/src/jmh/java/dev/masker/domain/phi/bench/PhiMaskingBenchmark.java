package dev.masker.domain.phi.bench;

import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiSpan;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.phi.detect.PhiDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 4 item 6: the CPU part of masking one turn — {@link PhiDetector#detect} plus the MSKV1 token of every span
 * (HMAC-SHA256 over the normalised value), the masked text built — for 1, 10 and 100 KB of turn text made of the dev
 * set's records in a fixed shuffled order. No vault, no sealing. {@code detectAndTokenize} masks the first 1, 10 or
 * 100 KB as one turn; {@code hundredKilobytesInTurns} masks the same 100 KB as turns of that size, so its cost per KB
 * compares turn sizes on the same content. Run with {@code bench/phi.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PhiMaskingBenchmark {
    private static final Kid KID = new Kid("K_HEALTHCARE");

    /** Kilobytes (1024 characters) of turn text. */
    @Param({"1", "10", "100"})
    public int kb;

    private String text;
    /** The 100 KB text cut into turns of {@link #kb} KB each: the same content whatever the turn size. */
    private List<String> hundredKilobytesInTurns;

    private PhiDetector detector;
    private VaultTokens tokens;

    @Setup
    public void setUp() throws IOException {
        Path devSet = Path.of(System.getProperty("masker.devset", "bootstrap/src/test/resources/phi/phi-dev.jsonl"));
        List<String> turns = new ArrayList<>();
        for (String line : Files.readAllLines(devSet, StandardCharsets.UTF_8)) {
            int key = line.indexOf("\"text\":");
            if (key >= 0) {
                turns.add(unescape(line, line.indexOf('"', key + "\"text\":".length()) + 1));
            }
        }
        Collections.shuffle(turns, new Random(4));
        StringBuilder all = new StringBuilder();
        for (int i = 0; all.length() < 100 * 1024; i++) {
            all.append(turns.get(i % turns.size())).append('\n');
        }
        text = all.substring(0, kb * 1024);
        hundredKilobytesInTurns = new ArrayList<>();
        for (int start = 0; start < 100 * 1024; start += kb * 1024) {
            hundredKilobytesInTurns.add(all.substring(start, start + kb * 1024));
        }
        detector = PhiDetector.withBundledNameLists();
        byte[] key = new byte[KeyRing.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        tokens = new VaultTokens(KeyRing.of(Map.of(KID, new KeyRing.Keys(key, Optional.empty()))), new SecureRandom());
    }

    /** Detects and tokenizes the text; returns the masked text so nothing is optimised away. */
    @Benchmark
    public String detectAndTokenize() {
        return mask(text);
    }

    /**
     * The same 100 KB of text masked as 100, 10 or 1 turns: µs per op divided by 100 is µs per KB on identical content,
     * so the three sizes compare the cost per KB of short and long turns without the first kilobytes' content deciding.
     */
    @Benchmark
    public int hundredKilobytesInTurns() {
        int length = 0;
        for (String turn : hundredKilobytesInTurns) {
            length += mask(turn).length();
        }
        return length;
    }

    private String mask(String text) {
        List<PhiSpan> spans = detector.detect(text);
        StringBuilder out = new StringBuilder(text.length() + spans.size() * 48);
        int copied = 0;
        for (PhiSpan span : spans) {
            out.append(text, copied, span.start())
                    .append(tokens.token(span.kind(), KID, text.substring(span.start(), span.end()))
                            .text());
            copied = span.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The JSON string starting at {@code from} (after its opening quote), unescaped, up to its closing quote. */
    private static String unescape(String json, int from) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = json.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
