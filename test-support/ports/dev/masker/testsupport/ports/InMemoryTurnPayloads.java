package dev.masker.testsupport.ports;

import dev.masker.application.port.out.KeepTurnPayloadsPort;
import dev.masker.domain.session.SessionId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turn payloads in memory, in the order kept; the first for a session and request wins, as in the real store. */
public final class InMemoryTurnPayloads implements KeepTurnPayloadsPort {
    private final List<TurnPayload> kept = new ArrayList<>();

    @Override
    public synchronized void keep(TurnPayload payload) {
        boolean known = kept.stream()
                .anyMatch(other -> other.session().equals(payload.session())
                        && other.requestId().equals(payload.requestId()));
        if (!known) {
            kept.add(payload);
        }
    }

    @Override
    public synchronized Map<String, Map<String, Object>> ofSession(SessionId session) {
        Map<String, Map<String, Object>> payloads = new LinkedHashMap<>();
        kept.stream()
                .filter(payload -> payload.session().equals(session))
                .forEach(payload -> payloads.put(payload.requestId(), payload.content()));
        return payloads;
    }

    /** Every payload kept, in order. */
    public synchronized List<TurnPayload> kept() {
        return List.copyOf(kept);
    }
}
