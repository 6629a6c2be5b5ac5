package dev.masker.adapters.http.agents;

import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentUrls;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * An agent as the API shows it, with the two URLs to paste into Vapi. The callback secret is never shown, only
 * whether one is set.
 */
public record AgentResponse(String id, String name, String upstream, String tokenization, String policy_name,
                            Map<String, Object> assistant, CallbackResponse config_callback, String proxy_url,
                            String webhook_url, String created_at) {
    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The configuration callback, without its secret. */
    public record CallbackResponse(String url, long timeout_ms, boolean secret_set) { }

    static AgentResponse of(Agent agent, AgentUrls urls) {
        return new AgentResponse(agent.id().value(), agent.name().value(), agent.upstream().value(),
                agent.tokenization().wireName(), agent.policyName(), agent.assistantDefaults().asMap(),
                agent.configCallback().map(callback -> new CallbackResponse(callback.url().toString(),
                        callback.timeout().toMillis(), true)).orElse(null),
                urls.proxyUrl(agent.id()).toString(), urls.webhookUrl(agent.id()).toString(), timestamp(agent.createdAt()));
    }

    static String timestamp(Instant instant) {
        return RFC_3339_MILLIS.format(instant);
    }
}
