package dev.masker.adapters.http.upstream;

import dev.masker.application.port.out.ChatUpstreamPort;
import dev.masker.domain.agent.Upstream;
import java.util.Map;
import java.util.Objects;

/** The upstream port as one: each call goes to the adapter of the agent's upstream provider (OpenAI-compatible, or stub). */
public final class RoutingChatUpstreamAdapter implements ChatUpstreamPort {
    private final ChatUpstreamPort openAi;
    private final ChatUpstreamPort stub;

    public RoutingChatUpstreamAdapter(ChatUpstreamPort openAi, ChatUpstreamPort stub) {
        this.openAi = Objects.requireNonNull(openAi, "openAi");
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    @Override
    public Map<String, Object> complete(Upstream upstream, Map<String, Object> body) {
        return route(upstream).complete(upstream, body);
    }

    @Override
    public void stream(Upstream upstream, Map<String, Object> body, ChunkConsumer consumer) {
        route(upstream).stream(upstream, body, consumer);
    }

    private ChatUpstreamPort route(Upstream upstream) {
        return switch (upstream.provider()) {
            case OPENAI -> openAi;
            case STUB -> stub;
        };
    }
}
