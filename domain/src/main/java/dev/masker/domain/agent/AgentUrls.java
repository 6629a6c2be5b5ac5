package dev.masker.domain.agent;

import java.net.URI;
import java.util.Objects;

/**
 * The two URLs an operator pastes into Vapi for an agent, under Masker's public base URL: the webhook (Vapi's Server
 * URL) and the proxy (Vapi's Custom LLM URL).
 */
public record AgentUrls(URI publicBase) {
    public AgentUrls {
        Objects.requireNonNull(publicBase, "publicBase");
        String text = publicBase.toString();
        if (!publicBase.isAbsolute()
                || publicBase.getHost() == null
                || text.endsWith("/")
                || publicBase.getQuery() != null
                || publicBase.getFragment() != null) {
            throw new IllegalArgumentException(
                    "the public URL must be absolute, without a trailing slash, query or fragment");
        }
    }

    public URI webhookUrl(AgentId id) {
        return URI.create(publicBase + "/vapi/webhook/" + id.value());
    }

    public URI proxyUrl(AgentId id) {
        return URI.create(publicBase + "/proxy/" + id.value() + "/v1/chat/completions");
    }
}
