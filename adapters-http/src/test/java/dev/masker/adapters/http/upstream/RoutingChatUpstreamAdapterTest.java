package dev.masker.adapters.http.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.application.port.out.ChatUpstreamPort;
import dev.masker.domain.agent.Upstream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingChatUpstreamAdapterTest {
    private final List<String> calls = new ArrayList<>();
    private final RoutingChatUpstreamAdapter router =
            new RoutingChatUpstreamAdapter(recording("openai"), recording("stub"));

    @Test
    void givenAnOpenAiUpstream_complete_goesToTheOpenAiAdapter() {
        router.complete(new Upstream(Upstream.Provider.OPENAI, "gpt-4o"), Map.of());

        assertEquals(List.of("openai:complete:gpt-4o"), calls);
    }

    @Test
    void givenTheStubUpstream_stream_goesToTheStub() {
        router.stream(new Upstream(Upstream.Provider.STUB, "stub"), Map.of(), chunk -> {});

        assertEquals(List.of("stub:stream:stub"), calls);
    }

    private ChatUpstreamPort recording(String name) {
        return new ChatUpstreamPort() {
            @Override
            public Map<String, Object> complete(Upstream upstream, Map<String, Object> body) {
                calls.add(name + ":complete:" + upstream.model());
                return Map.of();
            }

            @Override
            public void stream(Upstream upstream, Map<String, Object> body, ChunkConsumer consumer) {
                calls.add(name + ":stream:" + upstream.model());
            }
        };
    }
}
