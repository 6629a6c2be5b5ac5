package dev.masker.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentEntriesTest {
    @Test
    void givenMoreEntriesThanTheBound_put_dropsTheLeastRecentlyUsed() {
        RecentEntries<String, Integer> recent = new RecentEntries<>(2);
        recent.put("a", 1);
        recent.put("b", 2);
        recent.get("a");

        recent.put("c", 3);

        assertEquals(Optional.of(1), recent.get("a"), "read last, kept");
        assertFalse(recent.contains("b"), "least recently used, dropped");
        assertTrue(recent.contains("c"));
    }
}
