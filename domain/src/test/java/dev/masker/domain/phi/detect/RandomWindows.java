package dev.masker.domain.phi.detect;

import java.util.List;
import java.util.Random;

/**
 * Seeded random windows for holding a hand-written matcher to the regex it replaces: texts made of up to
 * {@code maxPieces} pieces after a fixed {@code prefix}, then up to two more pieces after the window's end. The window
 * starts somewhere in the prefix, so its first character is sometimes inside a word and sometimes not, and the text
 * goes on after it as it does where the detector asks (a window ends where a candidate starts).
 */
final class RandomWindows {
    /** One window: {@code text[from, to)}; {@link #shown()} is that window as a copy, what the regex is run on. */
    record Window(String text, int from, int to) {
        String shown() {
            return text.substring(from, to);
        }
    }

    private RandomWindows() {}

    /** {@code count} windows from the seed: the same ones on every run. */
    static List<Window> of(String prefix, List<String> pieces, int maxPieces, int count) {
        Random random = new Random(20261127);
        Window[] windows = new Window[count];
        for (int round = 0; round < count; round++) {
            StringBuilder text = new StringBuilder(prefix);
            for (int parts = random.nextInt(maxPieces + 1); parts > 0; parts--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            int to = text.length();
            for (int parts = random.nextInt(3); parts > 0; parts--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            windows[round] = new Window(text.toString(), random.nextInt(prefix.length() + 1), to);
        }
        return List.of(windows);
    }
}
