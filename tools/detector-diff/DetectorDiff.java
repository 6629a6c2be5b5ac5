import dev.masker.domain.phi.PhiSpan;
import dev.masker.domain.phi.detect.PhiDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the detector on the class path over each corpus file (one escaped text per line) and writes, per text, its
 * line number and every span as start,end,KIND to OUT_DIR/<corpus>.out. Usage: DetectorDiff OUT_DIR CORPUS...
 */
public final class DetectorDiff {
    public static void main(String[] args) throws IOException {
        PhiDetector detector = PhiDetector.withBundledNameLists();
        for (int f = 1; f < args.length; f++) {
            Path corpus = Path.of(args[f]);
            String name = corpus.getFileName().toString().replace(".txt", "");
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0], name + ".out")))) {
                int line = 0;
                for (String escaped : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
                    StringBuilder spans = new StringBuilder().append(line++);
                    for (PhiSpan span : detector.detect(unescape(escaped))) {
                        spans.append(' ')
                                .append(span.start())
                                .append(',')
                                .append(span.end())
                                .append(',')
                                .append(span.kind());
                    }
                    out.println(spans);
                }
            }
        }
    }

    private static String unescape(String line) {
        StringBuilder text = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                text.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
