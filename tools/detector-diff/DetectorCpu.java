import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Thread CPU time of detectors built in the given class folders (each loaded by its own class loader), on the dev
 * set's texts in the order of bench/phi.sh (PhiMaskingBenchmark), joined into 100 KB and cut into turns of KB
 * kilobytes. The detectors take turns pass by pass, so a change in the machine's load falls on all of them alike;
 * after REPS warm-up passes each, REPS measured passes each. Prints, per detector, the best and the median pass in ms
 * per 100 KB, and for a second detector the median of its pass time over the first's in the same round.
 * CPU time rather than wall time, since the machine is shared. Usage: DetectorCpu DEV_SET.jsonl KB REPS CLASSES...
 */
public final class DetectorCpu {
    public static void main(String[] args) throws Exception {
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
        int count = args.length - 3;
        Object[] detectors = new Object[count];
        Method[] detect = new Method[count];
        for (int d = 0; d < count; d++) {
            ClassLoader loader = new URLClassLoader(
                    new URL[] {Path.of(args[3 + d]).toUri().toURL()}, DetectorCpu.class.getClassLoader());
            Class<?> type = loader.loadClass("dev.masker.domain.phi.detect.PhiDetector");
            detectors[d] = type.getMethod("withBundledNameLists").invoke(null);
            detect[d] = type.getMethod("detect", String.class);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[][] times = new long[count][reps];
        long[] spans = new long[count];
        for (int pass = -reps; pass < reps; pass++) {
            for (int d = 0; d < count; d++) {
                long start = threads.getCurrentThreadCpuTime();
                for (String turn : turns) {
                    spans[d] += ((List<?>) detect[d].invoke(detectors[d], turn)).size();
                }
                long took = threads.getCurrentThreadCpuTime() - start;
                if (pass >= 0) {
                    times[d][pass] = took;
                }
            }
        }
        double[] ratios = new double[reps];
        for (int d = 0; d < count; d++) {
            if (d > 0) {
                for (int pass = 0; pass < reps; pass++) {
                    ratios[pass] = (double) times[d][pass] / times[0][pass];
                }
                Arrays.sort(ratios);
            }
            long[] sorted = times[d].clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "%s kb=%d best %.2f ms median %.2f ms per 100 KB (%d spans)%s%n",
                    args[3 + d],
                    kb,
                    sorted[0] / 1e6,
                    sorted[reps / 2] / 1e6,
                    spans[d] / (2L * reps),
                    d > 0 ? String.format(", median ratio to the first %.3f", ratios[reps / 2]) : "");
        }
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
