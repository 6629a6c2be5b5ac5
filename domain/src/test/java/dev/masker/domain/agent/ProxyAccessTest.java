package dev.masker.domain.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyAccessTest {
    private static final ProxyKey KEY = ProxyKey.of(new byte[ProxyKey.RANDOM_BYTES]);

    @Test
    void givenAgentsKey_admits_letsItIn() {
        assertTrue(new ProxyAccess(Optional.of(KEY), List.of()).admits(Optional.of(KEY.reveal())));
    }

    @Test
    void givenAnotherMissingOrNoKey_admits_refuses() {
        ProxyAccess access = new ProxyAccess(Optional.of(KEY), List.of());

        assertFalse(access.admits(Optional.of(ProxyKey.generate().reveal())));
        assertFalse(access.admits(Optional.of(KEY.reveal() + "0")));
        assertFalse(access.admits(Optional.empty()));
        assertFalse(ProxyAccess.NONE.admits(Optional.of(KEY.reveal())), "an agent without a key lets nobody in");
    }
}
