import dev.masker.domain.phi.detect.PhiDetector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Thread CPU time of the detector on the class path: the dev set's texts in the order of bench/phi.sh
 * (PhiMaskingBenchmark), joined into 100 KB and cut into turns of KB kilobytes, detected REPS times after as many
 * warm-up passes; prints the best and the median pass in ms per 100 KB. CPU time rather than wall time, since the
 * machine is shared. Usage: DetectorCpu DEV_SET.jsonl KB REPS
 */
public final class DetectorCpu {
    public static void main(String[] args) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            int key = line.indexOf("\"text\":");
            if (key >= 0) {
                texts.add(unescape(line, line.indexOf('"', key + "\"text\":".length()) + 1));
            }
        }
        int kb = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        Collections.shuffle(texts, new Random(4));
        StringBuilder all = new StringBuilder();
        for (int i = 0; all.length() < 100 * 1024; i++) {
            all.append(texts.get(i % texts.size())).append('\n');
        }
        List<String> turns = new ArrayList<>();
        for (int start = 0; start < 100 * 1024; start += kb * 1024) {
            turns.add(all.substring(start, start + kb * 1024));
        }
        PhiDetector detector = PhiDetector.withBundledNameLists();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] times = new long[reps];
        long spans = 0;
        for (int pass = -reps; pass < reps; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (String turn : turns) {
                spans += detector.detect(turn).size();
            }
            long took = threads.getCurrentThreadCpuTime() - start;
            if (pass >= 0) {
                times[pass] = took;
            }
        }
        Arrays.sort(times);
        System.out.printf("kb=%d best %.2f ms median %.2f ms per 100 KB (%d spans)%n", kb, times[0] / 1e6,
                times[reps / 2] / 1e6, spans / (2L * reps));
    }

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
