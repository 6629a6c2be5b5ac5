import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Differential fuzzing of two builds of the PHI detector: random texts made of the given pieces are detected by both,
 * each loaded from its own classes folder in its own class loader, and their spans compared. For speed work on one
 * kind of value, with pieces about that kind; tools/detector-diff.sh covers the dev set and its derived corpora.
 *
 * <p>Usage: {@code java DetectorFuzz OLD_CLASSES NEW_CLASSES ROUNDS SEED 'piece|piece|...'} ({@code \n}, {@code \t}
 * and {@code \\uXXXX} in pieces are unescaped). Prints the first differing texts; exits 1 if any differ.
 */
public final class DetectorFuzz {
    public static void main(String[] args) throws Exception {
        Object before = detector(Path.of(args[0]));
        Object after = detector(Path.of(args[1]));
        int rounds = Integer.parseInt(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        List<String> pieces = List.of(unescape(args[4]).split("\\|", -1));
        Method detectBefore = before.getClass().getMethod("detect", String.class);
        Method detectAfter = after.getClass().getMethod("detect", String.class);
        int differing = 0;
        for (int round = 0; round < rounds; round++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(14); n > 0; n--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String spansBefore = detectBefore.invoke(before, text.toString()).toString();
            String spansAfter = detectAfter.invoke(after, text.toString()).toString();
            if (!spansBefore.equals(spansAfter) && differing++ < 5) {
                System.out.println("DIFFERENT [" + text + "]\n  before " + spansBefore + "\n  after  " + spansAfter);
            }
        }
        System.out.println(rounds + " texts, " + differing + " with different spans");
        System.exit(differing == 0 ? 0 : 1);
    }

    private static Object detector(Path classes) throws Exception {
        ClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        return loader.loadClass("dev.masker.domain.phi.detect.PhiDetector")
                .getMethod("withBundledNameLists")
                .invoke(null);
    }

    private static String unescape(String pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.length(); i++) {
            char c = pieces.charAt(i);
            if (c == '\\' && i + 1 < pieces.length()) {
                char next = pieces.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(pieces.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
