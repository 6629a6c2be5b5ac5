package dev.masker.adapters.http.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.in.AgentDetails;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentUrls;
import dev.masker.domain.agent.ProxyKey;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.agent.WebhookCredential.Bearer;
import dev.masker.domain.agent.WebhookCredential.Hmac;
import dev.masker.domain.agent.WebhookCredential.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An agent as the API shows it, with the two URLs to paste into Vapi and the proxy key (for platforms that take an
 * "API key" for a custom LLM; the webhook hands it to Vapi itself). The callback's and the forward target's secrets and
 * the webhook credential's secret or token are never shown, only whether one is set; a policy of the agent's own shows
 * as its name and {@code custom_policy}, not its YAML.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentResponse(
        String id,
        String name,
        String upstream,
        String tokenization,
        String policy_name,
        boolean custom_policy,
        Map<String, Object> assistant,
        @JsonInclude(JsonInclude.Include.ALWAYS) CallbackResponse config_callback,
        List<String> allowed_models,
        @JsonInclude(JsonInclude.Include.ALWAYS) ForwardResponse forward,
        @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> webhook_credential,
        String proxy_url,
        String proxy_key,
        String webhook_url,
        String created_at,
        Stats stats) {
    /**
     * The agent's activity; shown by {@code GET /api/v1/agents/{id}} only. The added-latency percentiles are null when
     * the agent had no proxied turn in the last 24 hours.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Stats(
            long webhook_calls_24h,
            long webhook_calls_7d,
            long sessions_24h,
            long sessions_7d,
            long redactions_24h,
            long redactions_7d,
            Double added_latency_ms_p50,
            Double added_latency_ms_p95) {}

    /** The configuration callback, without its secret. */
    public record CallbackResponse(String url, long timeout_ms, boolean secret_set) {}

    /** The backend Vapi messages are relayed to, without its secret. */
    public record ForwardResponse(String url, long timeout_ms, List<String> messages, boolean secret_set) {}

    static AgentResponse of(Agent agent, AgentUrls urls) {
        return new AgentResponse(
                agent.id().value(),
                agent.name().value(),
                agent.upstream().value(),
                agent.tokenization().wireName(),
                agent.policyName(),
                agent.customPolicyYaml().isPresent(),
                agent.assistantDefaults().asMap(),
                agent.configCallback()
                        .map(callback -> new CallbackResponse(
                                callback.url().toString(), callback.timeout().toMillis(), true))
                        .orElse(null),
                agent.proxyAccess().allowedModels(),
                agent.forward()
                        .map(forward -> new ForwardResponse(
                                forward.url().toString(),
                                forward.timeout().toMillis(),
                                forward.messages().stream().sorted().toList(),
                                true))
                        .orElse(null),
                agent.webhookCredential().map(AgentResponse::credential).orElse(null),
                urls.proxyUrl(agent.id()).toString(),
                agent.proxyAccess().key().map(ProxyKey::reveal).orElse(null),
                urls.webhookUrl(agent.id()).toString(),
                timestamp(agent.createdAt()),
                null);
    }

    static AgentResponse of(AgentDetails details, AgentUrls urls) {
        AgentResponse agent = of(details.agent(), urls);
        return new AgentResponse(
                agent.id(),
                agent.name(),
                agent.upstream(),
                agent.tokenization(),
                agent.policy_name(),
                agent.custom_policy(),
                agent.assistant(),
                agent.config_callback(),
                agent.allowed_models(),
                agent.forward(),
                agent.webhook_credential(),
                agent.proxy_url(),
                agent.proxy_key(),
                agent.webhook_url(),
                agent.created_at(),
                new Stats(
                        details.webhookCalls24h(),
                        details.webhookCalls7d(),
                        details.sessions24h(),
                        details.sessions7d(),
                        details.redactions24h(),
                        details.redactions7d(),
                        millis(details.addedLatencyP50Ms()),
                        millis(details.addedLatencyP95Ms())));
    }

    /** The agent's own webhook credential with its settings, never its secret or token. */
    private static Map<String, Object> credential(WebhookCredential credential) {
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (credential) {
            case Hmac hmac -> {
                fields.put("type", "hmac");
                fields.put("algorithm", hmac.algorithm().wireName());
                fields.put("signature_header", hmac.signatureHeader());
                fields.put("signature_prefix", hmac.signaturePrefix().orElse(null));
                fields.put("include_timestamp", hmac.timestamp() == Timestamp.REQUIRED);
                fields.put("timestamp_header", hmac.timestampHeader());
                fields.put("secret_is_base64", hmac.secretIsBase64());
                fields.put("secret_set", true);
            }
            case Bearer bearer -> {
                fields.put("type", "bearer");
                fields.put("header", bearer.header());
                fields.put("token_set", true);
            }
        }
        return fields;
    }

    /** Milliseconds to three decimals (microseconds), or null. */
    private static Double millis(OptionalDouble value) {
        return value.isPresent() ? Math.round(value.getAsDouble() * 1_000.0) / 1_000.0 : null;
    }

    static String timestamp(Instant instant) {
        return JsonCodec.timestamp(instant);
    }
}
