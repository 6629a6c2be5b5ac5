package dev.masker.domain.phi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.masker.domain.phi.PhiSpan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentDetectionsTest {
    private static final PhiDetector DETECTOR = PhiDetector.withBundledNameLists();

    @Test
    void givenATextSeenAgain_detect_answersTheSameSpansWithoutReadingItAgain() {
        List<String> read = new ArrayList<>();
        RecentDetections recent = new RecentDetections(
                text -> {
                    read.add(text);
                    return DETECTOR.detect(text);
                },
                10);
        String turn = "My number is (415) 555-2671 and my name is Maria Lopez.";

        List<PhiSpan> first = recent.detect(turn);
        List<PhiSpan> again = recent.detect(turn);

        assertEquals(DETECTOR.detect(turn), first);
        assertEquals(first, again);
        assertEquals(1, read.size(), "the second call is answered from memory");
    }

    @Test
    void givenMoreTextsThanItHolds_detect_forgetsTheLeastRecentlyUsed() {
        List<String> read = new ArrayList<>();
        RecentDetections recent = new RecentDetections(
                text -> {
                    read.add(text);
                    return List.of();
                },
                2);
        recent.detect("a");
        recent.detect("b");
        recent.detect("a"); // "a" is now the most recently used
        recent.detect("c"); // so "b" leaves

        recent.detect("a");
        recent.detect("b");

        assertEquals(List.of("a", "b", "c", "b"), read);
        assertEquals(2, recent.size());
    }

    @Test
    void givenNoRoom_constructor_refuses() {
        assertThrows(IllegalArgumentException.class, () -> new RecentDetections(DETECTOR::detect, 0));
    }
}
