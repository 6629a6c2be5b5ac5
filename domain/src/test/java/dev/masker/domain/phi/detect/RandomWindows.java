package dev.masker.domain.phi.detect;

import java.util.List;
import java.util.Random;

/**
 * Seeded random windows for holding a hand-written matcher to the regex it replaces: texts made of up to
 * {@code maxPieces} pieces after a fixed {@code prefix}, each with a window start somewhere in that prefix, so the
 * window's first character is sometimes inside a word and sometimes not.
 */
final class RandomWindows {
    /** One window: {@code text[from, text.length())}; {@link #shown()} is that window as a copy. */
    record Window(String text, int from) {
        String shown() {
            return text.substring(from);
        }
    }

    private RandomWindows() {
    }

    /** {@code count} windows from the seed: the same ones on every run. */
    static List<Window> of(String prefix, List<String> pieces, int maxPieces, int count) {
        Random random = new Random(20261127);
        Window[] windows = new Window[count];
        for (int round = 0; round < count; round++) {
            StringBuilder text = new StringBuilder(prefix);
            for (int parts = random.nextInt(maxPieces + 1); parts > 0; parts--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            windows[round] = new Window(text.toString(), random.nextInt(prefix.length() + 1));
        }
        return List.of(windows);
    }
}
